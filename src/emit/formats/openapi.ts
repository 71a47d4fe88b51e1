/**
 * OpenAPI `x-codeSamples`: each spec's programs attached to the operation it calls, so Redocly,
 * ReadMe, Mintlify, Stoplight and Bump.sh show the verified code in their request panels. Two
 * outputs: an OpenAPI Overlay 1.0 document (apply it in your own pipeline) and an annotated
 * copy of the source document.
 */
import { basename, extname } from 'node:path'
import { stringify } from 'yaml'
import { PolysnipError } from '../../errors.ts'
import type { FormatFile, SpecGroup } from './format.ts'
import { matchOperations } from './openapi-match.ts'

export interface OpenApiInput {
  /** Path of the source document, as given; names the outputs and appears in messages. */
  file: string
  /** The parsed source document (OpenAPI 3.x). */
  document: Record<string, unknown>
  /** Spec id → operation. Specs not listed are matched by method and URL when one fits. */
  mapping: Record<string, { path: string; method: string }>
  /** Folder inside the output folder. @default 'openapi' */
  out?: string
  /** The overlay's `extends`: the source document as seen from the output. @default its base name */
  extends?: string
  /** What to write. @default ['overlay', 'document'] */
  emit?: ReadonlyArray<'overlay' | 'document'>
}

export interface CodeSample {
  lang: string
  label: string
  source: string
}

/** Language names as GitHub Linguist spells them, which Redocly and others expect in `lang`. */
const LINGUIST: Record<string, string> = {
  go: 'Go',
  node: 'JavaScript',
  php: 'PHP',
  python: 'Python',
  java: 'Java',
  csharp: 'C#',
  shell: 'Shell',
}

export function codeSamples(group: SpecGroup): CodeSample[] {
  return group.snippets.map((s) => ({
    lang: LINGUIST[s.target.language] ?? s.target.label,
    label: s.target.label,
    source: s.code,
  }))
}

/** A JSONPath (RFC 9535) selecting one operation, quoting the path as a name selector. */
function operationPath(path: string, method: string): string {
  const name = path.replace(/\\/g, '\\\\').replace(/'/g, "\\'")
  return `$.paths['${name}'].${method}`
}

function serialize(value: unknown, json: boolean): string {
  return json ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 })
}

export function renderOpenApi(groups: SpecGroup[], input: OpenApiInput): FormatFile[] {
  const out = input.out ?? 'openapi'
  const emit = input.emit ?? ['overlay', 'document']
  const json = extname(input.file).toLowerCase() === '.json'
  const stem = basename(input.file, extname(input.file))
  const matches = matchOperations(groups, input)
  if (matches.length === 0) {
    throw new PolysnipError('no spec matches an operation of this OpenAPI document', {
      file: input.file,
      hint: 'add openapi.mapping in polysnip.config.json: { "<spec id>": { "path", "method" } }',
    })
  }

  const files: FormatFile[] = []
  if (emit.includes('overlay')) {
    const info = input.document.info as { title?: string; version?: string } | undefined
    const overlay = {
      overlay: '1.0.0',
      info: { title: `Code samples for ${info?.title ?? stem}`, version: info?.version ?? '1.0.0' },
      extends: input.extends ?? basename(input.file),
      actions: matches.map((m) => ({
        target: operationPath(m.path, m.method),
        description: `polysnip spec "${m.group.spec.id}"`,
        update: { 'x-codeSamples': codeSamples(m.group) },
      })),
    }
    files.push({ path: `${out}/${stem}.overlay${json ? '.json' : '.yaml'}`, content: serialize(overlay, json) })
  }

  if (emit.includes('document')) {
    // A deep copy, so the caller's parsed document stays as it was read.
    const copy = structuredClone(input.document) as { paths: Record<string, Record<string, unknown>> }
    for (const m of matches) {
      const operation = copy.paths[m.path]?.[m.method] as Record<string, unknown>
      operation['x-codeSamples'] = codeSamples(m.group)
    }
    files.push({ path: `${out}/${stem}${json ? '.json' : '.yaml'}`, content: serialize(copy, json) })
  }
  return files
}
