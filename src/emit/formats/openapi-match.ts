/**
 * Which operation of an OpenAPI document each spec calls: the config's explicit mapping first,
 * else the one operation whose method matches and whose server URL + path template matches the
 * spec's URL. Ambiguity is an error, never a guess.
 */
import { PolysnipError } from '../../errors.ts'
import type { SpecGroup } from './format.ts'
import type { OpenApiInput } from './openapi.ts'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

export interface OperationMatch {
  group: SpecGroup
  path: string
  method: string
}

type Paths = Record<string, Record<string, unknown> | undefined>

/** `/projects/{id}` → a regex for concrete paths; each template variable fills one segment. */
function templateRegex(template: string): RegExp {
  const parts = template.split(/\{[^}/]+\}/).map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('[^/]+')}$`)
}

function serverUrls(document: Record<string, unknown>): string[] {
  const servers = (document.servers as Array<{ url?: unknown }> | undefined) ?? []
  const urls = servers.map((s) => (typeof s.url === 'string' ? s.url.replace(/\/+$/, '') : ''))
  return urls.length > 0 ? urls : ['']
}

function candidates(group: SpecGroup, input: OpenApiInput, paths: Paths): OperationMatch[] {
  const { request } = group.spec
  const url = request.baseUrl + request.path.split('?')[0]
  const method = request.method.toLowerCase()
  const found: OperationMatch[] = []
  for (const [template, item] of Object.entries(paths)) {
    if (!item || !(method in item)) continue
    const regex = templateRegex(template)
    const hit = serverUrls(input.document).some((server) =>
      url.startsWith(server) && regex.test(url.slice(server.length)))
    if (hit) found.push({ group, path: template, method })
  }
  return found
}

export function matchOperations(groups: SpecGroup[], input: OpenApiInput): OperationMatch[] {
  const paths = (input.document.paths ?? {}) as Paths
  const known = new Set(groups.map((g) => g.spec.id))
  for (const id of Object.keys(input.mapping)) {
    if (!known.has(id)) {
      throw new PolysnipError(`the OpenAPI mapping names spec "${id}", which was not loaded`, {
        file: input.file,
        field: `openapi.mapping.${id}`,
        hint: `loaded specs: ${[...known].join(', ')}`,
      })
    }
  }

  const matches: OperationMatch[] = []
  for (const group of groups) {
    const mapped = input.mapping[group.spec.id]
    if (mapped) {
      const method = mapped.method.toLowerCase()
      if (!METHODS.includes(method) || !paths[mapped.path]?.[method]) {
        throw new PolysnipError(`no operation "${method} ${mapped.path}" in the OpenAPI document`, {
          file: input.file,
          field: `openapi.mapping.${group.spec.id}`,
          hint: 'use a path exactly as written under "paths" and a lower-case method',
        })
      }
      matches.push({ group, path: mapped.path, method })
      continue
    }

    const found = candidates(group, input, paths)
    if (found.length > 1) {
      throw new PolysnipError(`spec "${group.spec.id}" matches ${found.length} operations`, {
        file: input.file,
        hint: `map it in openapi.mapping; candidates: ${found.map((f) => `${f.method} ${f.path}`).join(', ')}`,
      })
    }
    if (found[0]) matches.push(found[0])
  }
  // One operation has one x-codeSamples list; two specs there would silently replace each other.
  const byOperation = new Map<string, string>()
  for (const m of matches) {
    const key = `${m.method} ${m.path}`
    const other = byOperation.get(key)
    if (other !== undefined) {
      throw new PolysnipError(`specs "${other}" and "${m.group.spec.id}" both map to ${key}`, {
        file: input.file,
        hint: 'map one of them to another operation in openapi.mapping, or drop it from the specs',
      })
    }
    byOperation.set(key, m.group.spec.id)
  }
  return matches
}
