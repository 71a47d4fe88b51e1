/**
 * Specs × targets → the set of output files (path → content) and the manifest that lists them.
 * Writing and drift checks happen in `write.ts`: either on the whole set afterwards, or file by
 * file through a sink, which keeps memory flat however many specs there are. Besides the raw
 * programs, the selected formats (src/emit/formats) add Markdown, HTML, framework wrappers and
 * OpenAPI samples.
 */
import { createHash } from 'node:crypto'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import { PolysnipError } from '../errors.ts'
import type { GenCache } from './cache.ts'
import { Highlighter } from './formats/highlight.ts'
import { OPENAPI, renderFormats, selectFormats, type FormatFile, type SpecGroup } from './formats/index.ts'
import { renderOpenApi, type OpenApiInput } from './formats/openapi.ts'
import { loadTabsAssets } from './formats/tabs-assets.ts'
import { verifiedBy, type Verified, type VerificationReport } from './formats/verification.ts'
import { OutputFiles } from './output-files.ts'
import { sortSpecs } from './spec-order.ts'
import type { Content, OutputSink } from './write.ts'

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
  /**
   * Receives every file but the manifest as soon as it is made, instead of `Output.files`
   * (see `OutputWriter`). @default none: every file is kept in `Output.files`
   */
  sink?: OutputSink | undefined
}

export interface Output {
  /** Output files by relative path, manifest included, in a stable order (with a sink: the manifest). */
  files: Map<string, string>
  manifest: Manifest
  /** Snippets rendered in this run; the others came from the cache. */
  rendered: number
  /** SHA-256 of every file but the manifest, by path (for `writeOutput`'s stamps). */
  hashes: Map<string, string>
}

export const MANIFEST_FILE = 'manifest.json'

/**
 * Specs highlighted and formatted together. Two batches' HTML is all that is held at once (a
 * few MB); 16 gave 60 MB less peak memory than 32 at 1,000 specs, and no slower.
 */
const BATCH_SPECS = 16

/**
 * Programs a run may add to the highlight cache, one file each. Beyond this, creating the files
 * cost more than highlighting again (measured at 1,000 specs: 4 to 6 s of system time against
 * 20 s of work), and the generation cache already keeps those specs' outputs.
 */
const MAX_STORED_HIGHLIGHTS = 700

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The groups of specs that all come from the cache, in `renderGroups`' order. */
function cachedGroups(specs: Spec[], targets: Target[], cache: GenCache): SpecGroup[] {
  return sortSpecs(specs).map((spec) => cache.group(spec, targets))
}

function specEntry(spec: Spec, outputs: Record<string, OutputRef>): Manifest['specs'][number] {
  return {
    id: spec.id,
    title: spec.title,
    method: spec.request.method,
    url: spec.request.baseUrl + spec.request.path,
    ...(Object.keys(outputs).length > 0 ? { outputs } : {}),
  }
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
  const { sink } = options
  const add = async (path: string, content: Content, owner: string, known?: string) => {
    if (hashes.has(path)) {
      throw new PolysnipError(`two outputs would write "${path}" (the second from ${owner})`, {
        hint: 'give the target a different "file" in target.json, or drop one of the formats',
      })
    }
    const hash = known ?? sha256(typeof content === 'string' ? content : content())
    hashes.set(path, hash)
    if (sink) await sink.add(path, content, hash)
    else if (typeof content === 'string') files.set(path, content)
    else files.setLazy(path, content)
    return hash
  }

  // Highlighting is the slow step: it is prepared for a batch of specs at a time.
  const needsHtml = selected.some((f) => f.highlights)
  const programs = fresh.length * targets.length
  const highlighter = needsHtml && fresh.length > 0
    ? new Highlighter({
        cacheDir: options.highlightCache ?? false,
        store: programs <= MAX_STORED_HIGHLIGHTS,
        expected: programs,
      })
    : undefined
  const tabsAssets = highlighter ? await loadTabsAssets(options.highlightCache ?? false) : undefined
  const context = highlighter ? { highlight: highlighter.html, tabsAssets } : {}

  const snippets: SnippetEntry[] = []
  const specEntries: Manifest['specs'] = []
  let saves: Array<Promise<void>> = []
  // While one batch is formatted and written here, the next one is highlighted (on the worker
  // thread when there is one, see highlight/pool.ts).
  const batches: SpecGroup[][] = []
  for (let start = 0; start < groups.length; start += BATCH_SPECS) {
    batches.push(groups.slice(start, start + BATCH_SPECS))
  }
  const requests = (batch: SpecGroup[] | undefined) =>
    (batch ?? [])
      .filter((g) => !cache?.reused(g.spec))
      .flatMap((g) => g.snippets.map((s) => ({ code: s.code, lang: s.target.shiki })))
  const prepare = (batch: SpecGroup[] | undefined) => {
    const ready = highlighter?.prepare(requests(batch))
    // Awaited before its batch is used; until then a failure must not count as unhandled.
    ready?.catch(() => undefined)
    return ready
  }
  try {
    let ready = prepare(batches[0])
    for (const [i, batch] of batches.entries()) {
      await ready
      ready = prepare(batches[i + 1])
      for (const group of batch) {
        const { entries, outputs } = await addGroup(group)
        snippets.push(...entries)
        specEntries.push(specEntry(group.spec, outputs))
      }
      highlighter?.forget(requests(batch))
      // Cache entries hold every output of their spec: waiting for them bounds memory too.
      await Promise.all(saves)
      saves = []
    }
    await ready
  } finally {
    await highlighter?.close()
  }

  async function addGroup(group: SpecGroup) {
    const reused = cache?.reused(group.spec)
    const entries: SnippetEntry[] = []
    for (const [i, s] of group.snippets.entries()) {
      const code = reused ? () => s.code : s.code
      const hash = await add(s.file, code, `target "${s.target.id}"`, reused?.hashes[i])
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
      entries.push(entry)
    }
    const verifiedWith = (spec: string, target: string) =>
      entries.find((e) => e.spec === spec && e.target === target)?.verified?.version

    const outputs = reused?.outputs ?? renderFormats(group, selected, { ...context, verified: verifiedWith })
    const specOutputs: Record<string, OutputRef> = {}
    const outputHashes: string[] = []
    for (const [j, out] of outputs.entries()) {
      const known = reused?.hashes[entries.length + j]
      const content = reused ? () => out.content : out.content
      const hash = await add(out.path, content, `format "${out.format}"`, known)
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
    return { entries, outputs: specOutputs }
  }

  for (const [n, input] of (options.openapi ?? []).entries()) {
    const render = () => renderOpenApi(groups, input)
    const outputs: Array<FormatFile & { sha256?: string }> = cache ? cache.openApi(n, render) : render()
    for (const out of outputs) await add(out.path, out.content, 'openapi', out.sha256)
  }

  const manifest: Manifest = {
    version: 1,
    formats: [...selected.map((f) => f.id), ...(options.openapi?.length ? [OPENAPI] : [])],
    specs: specEntries,
    snippets,
    files: [...hashes.keys()].sort(),
  }
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`)
  return { files, manifest, rendered: fresh.length * targets.length, hashes }
}
