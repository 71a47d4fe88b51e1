// OpenAPI x-codeSamples: the annotated document passes a real validator (swagger-parser), and
// the overlay, applied, gives exactly that document.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import SwaggerParser from '@apidevtools/swagger-parser'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { resolveProject } from '../../src/config/resolve.ts'
import { PolysnipError } from '../../src/errors.ts'
import { renderOpenApi } from '../../src/emit/formats/openapi.ts'
import type { SpecGroup } from '../../src/emit/formats/format.ts'
import { defaultBuild } from './helpers.ts'

type Doc = { paths: Record<string, Record<string, Record<string, unknown>>> }

/** Applies Overlay 1.0 `update` actions whose targets are `$.paths['<path>'].<method>`. */
function applyOverlay(document: Doc, overlay: { actions: Array<{ target: string; update: object }> }): Doc {
  const copy = structuredClone(document)
  for (const action of overlay.actions) {
    const m = /^\$\.paths\['((?:[^'\\]|\\.)*)'\]\.([a-z]+)$/.exec(action.target)
    if (!m) throw new Error(`unexpected overlay target ${action.target}`)
    const path = (m[1] ?? '').replace(/\\(.)/g, '$1')
    const operation = copy.paths[path]?.[m[2] ?? '']
    if (!operation) throw new Error(`overlay target ${action.target} selects nothing`)
    Object.assign(operation, action.update)
  }
  return copy
}

describe('openapi output', () => {
  it('annotates both Agora operations (one mapped, one matched by URL) and stays valid', async () => {
    const { out, result } = await defaultBuild()
    const annotated = parse(await readFile(join(out, 'openapi/agora.yaml'), 'utf8')) as Doc
    await SwaggerParser.validate(structuredClone(annotated) as never)

    const expectSamples = (spec: string) =>
      result.manifest.snippets.filter((s) => s.spec === spec).map((s) => ({
        lang: { go: 'Go', node: 'JavaScript', php: 'PHP', python: 'Python', java: 'Java', csharp: 'C#', shell: 'Shell' }[s.language],
        label: s.label,
        source: result.files.get(s.file),
      }))
    expect(annotated.paths['/dev/v2/projects']?.get?.['x-codeSamples']).toEqual(expectSamples('list-projects'))
    expect(annotated.paths['/dev/v1/project']?.post?.['x-codeSamples']).toEqual(expectSamples('create-project'))
  })

  it('writes an Overlay 1.0 document that, applied to the source, gives the annotated copy', async () => {
    const { out } = await defaultBuild()
    const overlay = parse(await readFile(join(out, 'openapi/agora.overlay.yaml'), 'utf8'))
    expect(overlay.overlay).toBe('1.0.0')
    expect(overlay.info).toMatchObject({ title: expect.any(String), version: expect.any(String) })
    // `extends` is a reference relative to the overlay, so tools find the source document.
    expect(resolve(out, 'openapi', overlay.extends)).toBe(resolve('specs/openapi/agora.yaml'))

    const source = parse(await readFile('specs/openapi/agora.yaml', 'utf8')) as Doc
    const applied = applyOverlay(source, overlay)
    const annotated = parse(await readFile(join(out, 'openapi/agora.yaml'), 'utf8'))
    expect(applied).toEqual(annotated)
    await SwaggerParser.validate(applied as never)
  })

  it('is on by default, listed in the manifest, and off when --format leaves it out', async () => {
    const { result } = await defaultBuild()
    expect(result.manifest.formats.at(-1)).toBe('openapi')
    expect(result.manifest.files).toEqual(expect.arrayContaining(['openapi/agora.overlay.yaml', 'openapi/agora.yaml']))
    expect((await resolveProject({ formats: ['md'] })).openapi).toEqual([])
    expect((await resolveProject({ formats: ['openapi'] })).openapi.map((o) => o.file)).toEqual([
      'specs/openapi/agora.yaml',
    ])
  })

  it('refuses ambiguous, unknown and missing operations with a hint', async () => {
    const { result } = await defaultBuild()
    const groups: SpecGroup[] = result.specs
      .map((spec) => ({
        spec,
        snippets: result.targets.map((target) => ({ target, file: `${spec.id}/${target.file}`, code: 'x\n' })),
      }))
      .sort((a, b) => a.spec.id.localeCompare(b.spec.id))
    const document = parse(await readFile('specs/openapi/agora.yaml', 'utf8')) as Doc & Record<string, unknown>
    const run = (doc: object, mapping: Record<string, { path: string; method: string }> = {}) => {
      try {
        renderOpenApi(groups, { file: 'api.yaml', document: doc as Record<string, unknown>, mapping })
        return 'no error'
      } catch (e) {
        return e instanceof PolysnipError ? e.format() : String(e)
      }
    }

    // A second template matching the same URL makes automatic matching ambiguous.
    const ambiguous = structuredClone(document)
    ambiguous.paths['/dev/v2/{collection}'] = { get: { responses: { 200: { description: 'ok' } } } }
    expect(run(ambiguous)).toMatch(/spec "list-projects" matches 2 operations\n {2}hint: map it in openapi\.mapping; candidates: get \/dev\/v2\/projects, get \/dev\/v2\/\{collection\}/)
    expect(run(ambiguous, { 'list-projects': { path: '/dev/v2/projects', method: 'get' } })).toBe('no error')

    expect(run(document, { 'list-projects': { path: '/dev/v2/project', method: 'get' } })).toBe(
      'api.yaml: openapi.mapping.list-projects: no operation "get /dev/v2/project" in the OpenAPI document\n' +
        '  hint: use a path exactly as written under "paths" and a lower-case method',
    )
    expect(run(document, { nope: { path: '/dev/v2/projects', method: 'get' } })).toMatch(
      /openapi\.mapping\.nope: the OpenAPI mapping names spec "nope", which was not loaded/,
    )
    expect(run({ ...document, paths: {} })).toMatch(/no spec matches an operation of this OpenAPI document/)
    expect(run(document, { 'create-project': { path: '/dev/v2/projects', method: 'get' } })).toMatch(
      /specs "create-project" and "list-projects" both map to get \/dev\/v2\/projects/,
    )
  })
})
