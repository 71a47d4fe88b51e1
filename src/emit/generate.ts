/**
 * Specs × targets → the set of output files (path → content) and the manifest that lists them.
 * Pure and in memory: writing and drift checks happen in `write.ts`.
 */
import { createHash } from 'node:crypto'
import { renderSnippet } from '../render/render.ts'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import { PolysnipError, throwIfAny } from '../errors.ts'

export interface SnippetEntry {
  /** Spec id. */
  spec: string
  /** Target id. */
  target: string
  /** Language family: go, node, php, python, java, csharp, shell. */
  language: string
  /** Tab label. */
  label: string
  /** Shiki language id. */
  shiki: string
  /** Path relative to the output folder, with "/" separators. */
  file: string
  /** SHA-256 of the file's bytes, hex. */
  sha256: string
}

export interface Manifest {
  /** Bumped when the manifest's shape changes incompatibly. */
  version: 1
  specs: Array<{ id: string; title: string; method: string; url: string }>
  snippets: SnippetEntry[]
}

export interface Output {
  /** Output files by relative path, manifest included, in a stable order. */
  files: Map<string, string>
  manifest: Manifest
}

export const MANIFEST_FILE = 'manifest.json'

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Renders every spec with every target. All render errors are collected before throwing. */
export function generate(specs: Spec[], targets: Target[]): Output {
  const files = new Map<string, string>()
  const snippets: SnippetEntry[] = []
  const errors: PolysnipError[] = []
  const ordered = [...specs].sort((a, b) => a.id.localeCompare(b.id))

  for (const spec of ordered) {
    for (const target of targets) {
      let code: string
      try {
        code = renderSnippet(spec, target)
      } catch (e) {
        if (!(e instanceof PolysnipError)) throw e
        errors.push(new PolysnipError(`spec "${spec.id}": ${e.message}`, { ...e.place, hint: e.hint, cause: e }))
        continue
      }
      const file = `${spec.id}/${target.file}`
      files.set(file, code)
      snippets.push({
        spec: spec.id,
        target: target.id,
        language: target.language,
        label: target.label,
        shiki: target.shiki,
        file,
        sha256: sha256(code),
      })
    }
  }
  throwIfAny(errors)

  const manifest: Manifest = {
    version: 1,
    specs: ordered.map((s) => ({
      id: s.id,
      title: s.title,
      method: s.request.method,
      url: s.request.baseUrl + s.request.path,
    })),
    snippets,
  }
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`)
  return { files, manifest }
}
