/**
 * Specs × targets → the set of output files (path → content) and the manifest that lists them.
 * In memory: writing and drift checks happen in `write.ts`. Besides the raw programs, the
 * selected formats (src/emit/formats) add Markdown, HTML, framework wrappers and OpenAPI samples.
 */
import { createHash } from 'node:crypto'
import { renderSnippet } from '../render/render.ts'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import { PolysnipError, throwIfAny } from '../errors.ts'
import { createHighlight } from './formats/highlight.ts'
import { OPENAPI, renderFormats, selectFormats, type SpecGroup } from './formats/index.ts'
import { renderOpenApi, type OpenApiInput } from './formats/openapi.ts'
import { loadTabsAssets } from './formats/tabs-assets.ts'
import { verifiedBy, type Verified, type VerificationReport } from './formats/verification.ts'

export interface OutputRef {
  /** Path relative to the output folder, with "/" separators. */
  file: string
  /** SHA-256 of the file's bytes, hex. */
  sha256: string
}

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
  /** Files of this snippet alone, by format id (e.g. `md`). */
  outputs?: Record<string, OutputRef>
  /** Present only when verification.json says this exact code passed. */
  verified?: Verified
}

export interface Manifest {
  /** Bumped when the manifest's shape changes incompatibly. */
  version: 1
  /** Formats written besides the raw programs. */
  formats: string[]
  /** Each spec, with the files that show all its targets (by format id). */
  specs: Array<{
    id: string
    title: string
    method: string
    url: string
    outputs?: Record<string, OutputRef>
  }>
  snippets: SnippetEntry[]
  /** Every file of this run but the manifest, sorted; `write.ts` removes what a later run drops. */
  files: string[]
}

export interface GenerateOptions {
  /** Format ids to write besides the raw programs (see `formatIds`). @default [] */
  formats?: readonly string[]
  /** OpenAPI documents to annotate with `x-codeSamples`. @default [] */
  openapi?: readonly OpenApiInput[]
  /** The verifier's report, to mark verified snippets (see `readVerification`). @default null */
  verification?: VerificationReport | null
  /** Where highlighted code (and the tabs script) is cached between runs, or false. @default false */
  highlightCache?: string | false
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

/**
 * Renders every spec with every target, specs sorted by id, targets in tab order. All render
 * errors are collected before throwing.
 */
export function renderGroups(specs: Spec[], targets: Target[]): SpecGroup[] {
  const errors: PolysnipError[] = []
  const ordered = [...specs].sort((a, b) => a.id.localeCompare(b.id))
  const groups = ordered.map((spec) => {
    const group: SpecGroup = { spec, snippets: [] }
    for (const target of targets) {
      try {
        const code = renderSnippet(spec, target)
        group.snippets.push({ target, file: `${spec.id}/${target.file}`, code })
      } catch (e) {
        if (!(e instanceof PolysnipError)) throw e
        errors.push(new PolysnipError(`spec "${spec.id}": ${e.message}`, { ...e.place, hint: e.hint, cause: e }))
      }
    }
    return group
  })
  throwIfAny(errors)
  return groups
}

/** Renders every spec with every target, then every selected format. */
export async function generate(
  specs: Spec[],
  targets: Target[],
  options: GenerateOptions = {},
): Promise<Output> {
  const selected = selectFormats(options.formats ?? [])
  const report = options.verification ?? null
  const groups = renderGroups(specs, targets)
  const files = new Map<string, string>()
  const add = (path: string, content: string, owner: string) => {
    if (files.has(path)) {
      throw new PolysnipError(`two outputs would write "${path}" (the second from ${owner})`, {
        hint: 'give the target a different "file" in target.json, or drop one of the formats',
      })
    }
    files.set(path, content)
  }

  // Highlighting is the one slow step, so it is prepared once for every snippet that needs it.
  const needsHtml = selected.some((f) => f.highlights)
  const requests = groups.flatMap((g) => g.snippets.map((s) => ({ code: s.code, lang: s.target.shiki })))
  const context = needsHtml
    ? {
        highlight: await createHighlight(requests, { cacheDir: options.highlightCache ?? false }),
        tabsAssets: await loadTabsAssets(options.highlightCache ?? false),
      }
    : {}

  const snippets: SnippetEntry[] = []
  const specEntries: Manifest['specs'] = []
  for (const group of groups) {
    const entries = group.snippets.map((s) => {
      add(s.file, s.code, `target "${s.target.id}"`)
      const entry: SnippetEntry = {
        spec: group.spec.id,
        target: s.target.id,
        language: s.target.language,
        label: s.target.label,
        shiki: s.target.shiki,
        file: s.file,
        sha256: sha256(s.code),
      }
      const verified = verifiedBy(report, entry)
      if (verified) entry.verified = verified
      return entry
    })
    const verifiedWith = (spec: string, target: string) =>
      entries.find((e) => e.spec === spec && e.target === target)?.verified?.version

    const outputs = renderFormats(group, selected, { ...context, verified: verifiedWith })
    const specOutputs: Record<string, OutputRef> = {}
    for (const out of outputs) {
      add(out.path, out.content, `format "${out.format}"`)
      const ref = { file: out.path, sha256: sha256(out.content) }
      const entry = out.target === undefined ? undefined : entries.find((e) => e.target === out.target)
      if (entry) entry.outputs = { ...entry.outputs, [out.format]: ref }
      else specOutputs[out.format] = ref
    }
    snippets.push(...entries)
    const { spec } = group
    specEntries.push({
      id: spec.id,
      title: spec.title,
      method: spec.request.method,
      url: spec.request.baseUrl + spec.request.path,
      ...(Object.keys(specOutputs).length > 0 ? { outputs: specOutputs } : {}),
    })
  }

  for (const input of options.openapi ?? []) {
    for (const out of renderOpenApi(groups, input)) add(out.path, out.content, 'openapi')
  }

  const manifest: Manifest = {
    version: 1,
    formats: [...selected.map((f) => f.id), ...(options.openapi?.length ? [OPENAPI] : [])],
    specs: specEntries,
    snippets,
    files: [...files.keys()].sort(),
  }
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`)
  return { files, manifest }
}
