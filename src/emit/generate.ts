/**
 * Specs × targets → the set of output files (path → content) and the manifest that lists them.
 * In memory: writing and drift checks happen in `write.ts`. Besides the raw programs, the
 * selected formats (src/emit/formats) add Markdown, HTML, framework wrappers and OpenAPI samples.
 */
import { createHash } from 'node:crypto'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import { PolysnipError } from '../errors.ts'
import type { GenCache } from './cache.ts'
import { createHighlight } from './formats/highlight.ts'
import { OPENAPI, renderFormats, selectFormats, type FormatFile, type SpecGroup } from './formats/index.ts'
import { renderOpenApi, type OpenApiInput } from './formats/openapi.ts'
import { loadTabsAssets } from './formats/tabs-assets.ts'
import { OutputFiles } from './output-files.ts'
import { sortSpecs } from './spec-order.ts'
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
  /** Reuses unchanged specs' outputs and stores the others (see cache.ts). @default none */
  cache?: GenCache | undefined
}

export interface Output {
  /** Output files by relative path, manifest included, in a stable order. */
  files: Map<string, string>
  manifest: Manifest
  /** Snippets rendered in this run; the others came from the cache. */
  rendered: number
  /** SHA-256 of every file but the manifest, by path (for `writeOutput`'s stamps). */
  hashes: Map<string, string>
}

export const MANIFEST_FILE = 'manifest.json'

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The groups of specs that all come from the cache, in `renderGroups`' order. */
function cachedGroups(specs: Spec[], targets: Target[], cache: GenCache): SpecGroup[] {
  return sortSpecs(specs).map((spec) => cache.group(spec, targets))
}

/** Renders every spec with every target, then every selected format. */
export async function generate(
  specs: Spec[],
  targets: Target[],
  options: GenerateOptions = {},
): Promise<Output> {
  const selected = selectFormats(options.formats ?? [])
  const report = options.verification ?? null
  const { cache } = options
  // Templates (and Handlebars) are loaded only when some spec is not in the cache.
  const allCached = cache !== undefined && specs.every((s) => cache.reused(s))
  const groups = allCached
    ? cachedGroups(specs, targets, cache)
    : (await import('./render-groups.ts')).renderGroups(specs, targets, cache)
  const fresh = groups.filter((g) => !cache?.reused(g.spec))
  // Texts of cached specs are read only if a file must be written (see output-files.ts).
  const files = new OutputFiles()
  const hashes = new Map<string, string>()
  type Text = string | (() => string)
  const add = (path: string, content: Text, owner: string, known?: string): string => {
    if (files.has(path)) {
      throw new PolysnipError(`two outputs would write "${path}" (the second from ${owner})`, {
        hint: 'give the target a different "file" in target.json, or drop one of the formats',
      })
    }
    if (typeof content === 'string') files.set(path, content)
    else files.setLazy(path, content)
    const hash = known ?? sha256(files.get(path) ?? '')
    hashes.set(path, hash)
    return hash
  }

  // Highlighting is the one slow step, so it is prepared once for every snippet that needs it.
  const needsHtml = selected.some((f) => f.highlights)
  const needsHighlight = needsHtml && fresh.length > 0
  const requests = fresh.flatMap((g) => g.snippets.map((s) => ({ code: s.code, lang: s.target.shiki })))
  const context = needsHighlight
    ? {
        highlight: await createHighlight(requests, { cacheDir: options.highlightCache ?? false }),
        tabsAssets: await loadTabsAssets(options.highlightCache ?? false),
      }
    : {}

  const snippets: SnippetEntry[] = []
  const specEntries: Manifest['specs'] = []
  const saves: Array<Promise<void>> = []
  for (const group of groups) {
    const reused = cache?.reused(group.spec)
    const entries = group.snippets.map((s, i) => {
      const code = reused ? () => s.code : s.code
      const hash = add(s.file, code, `target "${s.target.id}"`, reused?.hashes[i])
      const entry: SnippetEntry = {
        spec: group.spec.id,
        target: s.target.id,
        language: s.target.language,
        label: s.target.label,
        shiki: s.target.shiki,
        file: s.file,
        sha256: hash,
      }
      const verified = verifiedBy(report, entry)
      if (verified) entry.verified = verified
      return entry
    })
    const verifiedWith = (spec: string, target: string) =>
      entries.find((e) => e.spec === spec && e.target === target)?.verified?.version

    const outputs = reused?.outputs ?? renderFormats(group, selected, { ...context, verified: verifiedWith })
    const specOutputs: Record<string, OutputRef> = {}
    const outputHashes: string[] = []
    for (const [j, out] of outputs.entries()) {
      const known = reused?.hashes[entries.length + j]
      const content = reused ? () => out.content : out.content
      const hash = add(out.path, content, `format "${out.format}"`, known)
      const ref = { file: out.path, sha256: hash }
      outputHashes.push(ref.sha256)
      const entry = out.target === undefined ? undefined : entries.find((e) => e.target === out.target)
      if (entry) entry.outputs = { ...entry.outputs, [out.format]: ref }
      else specOutputs[out.format] = ref
    }
    if (cache && !reused) {
      const codes = group.snippets.map((s) => s.code)
      const known = [...entries.map((e) => e.sha256), ...outputHashes]
      saves.push(cache.save({ spec: group.spec, codes, outputs, hashes: known }))
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

  for (const [n, input] of (options.openapi ?? []).entries()) {
    const render = () => renderOpenApi(groups, input)
    const outputs: Array<FormatFile & { sha256?: string }> = cache ? cache.openApi(n, render) : render()
    for (const out of outputs) add(out.path, out.content, 'openapi', out.sha256)
  }

  const manifest: Manifest = {
    version: 1,
    formats: [...selected.map((f) => f.id), ...(options.openapi?.length ? [OPENAPI] : [])],
    specs: specEntries,
    snippets,
    files: [...files.keys()].sort(),
  }
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`)
  await Promise.all(saves)
  return { files, manifest, rendered: fresh.length * targets.length, hashes }
}
