/**
 * Shiki highlighting for the HTML fragment: light and dark colours as CSS variables
 * (`defaultColor: false`), so one fragment follows the host page's theme without re-rendering.
 *
 * Each result is also kept on disk by its exact input (code, language, themes, Shiki version),
 * so a run whose programs were all highlighted before never loads Shiki. Results are prepared a
 * batch at a time and forgotten after it, so memory does not grow with the number of specs.
 * The highlighting itself is src/emit/highlight.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { THEMES } from '../highlight/highlighter.ts'
import { HighlightPool } from '../highlight/pool.ts'
import { replaceFile } from '../replace-file.ts'
import type { Highlight } from './format.ts'

export { THEMES }

export interface HighlightOptions {
  /** Folder for cached results, or false for none. @default '.cache/polysnip/highlight' */
  cacheDir?: string | false
  /**
   * Whether new results are written to `cacheDir` (it is read either way). A run that highlights
   * thousands of programs spends more creating one file per program than the cache saves later,
   * so generate() turns this off for large runs; the generation cache keeps their outputs anyway.
   * @default true
   */
  store?: boolean
  /** About how many programs will be highlighted (many are shared with a worker). @default 0 */
  expected?: number
}

export interface HighlightRequest {
  code: string
  lang: string
}

const shikiVersion = (createRequire(import.meta.url)('shiki/package.json') as { version: string }).version

function cacheKey({ code, lang }: HighlightRequest): string {
  const input = JSON.stringify([shikiVersion, THEMES, lang, code, 'no-final-newline'])
  return createHash('sha256').update(input).digest('hex')
}

// The cache is read and written synchronously: thousands of small files cost several times
// more as async calls, and there is nothing to overlap them with.
function readCached(dir: string | false, key: string): string | undefined {
  if (!dir) return undefined
  try {
    return readFileSync(join(dir, `${key}.html`), 'utf8')
  } catch {
    return undefined
  }
}

function writeCached(dir: string, key: string, html: string): void {
  replaceFile(join(dir, `${key}.html`), html)
}

/** Highlighted HTML for batches of programs; see `prepare`. */
export class Highlighter {
  private readonly results = new Map<string, string>()
  /** How many prepared batches hold each result: the next batch is prepared before one is done. */
  private readonly holders = new Map<string, number>()
  private shiki: Promise<HighlightPool> | undefined
  private readonly langs = new Set<string>()
  private madeCacheDir = false

  private readonly cacheDir: string | false
  private readonly storing: boolean
  private readonly expected: number

  constructor(options: HighlightOptions = {}) {
    this.cacheDir = options.cacheDir ?? join('.cache', 'polysnip', 'highlight')
    this.storing = options.store ?? true
    this.expected = options.expected ?? 0
  }

  /** Highlights `requests` (from the disk cache where possible) so that `html` answers for them. */
  async prepare(requests: readonly HighlightRequest[]): Promise<void> {
    const missing: Array<HighlightRequest & { key: string }> = []
    for (const request of requests) {
      const key = cacheKey(request)
      this.holders.set(key, (this.holders.get(key) ?? 0) + 1)
      if (this.results.has(key)) continue
      const cached = readCached(this.cacheDir, key)
      if (cached === undefined) missing.push({ ...request, key })
      else this.results.set(key, cached)
    }
    if (missing.length === 0) return

    const shiki = await this.load(missing.map((m) => m.lang))
    // Without the final line break: Shiki would show it as an empty last line.
    const programs = missing.map(({ code, lang }) => ({ code: code.replace(/\n$/, ''), lang }))
    const html = await shiki.html(programs)
    for (const [i, { key }] of missing.entries()) {
      const text = html[i] ?? ''
      this.results.set(key, text)
      if (this.cacheDir && this.storing) this.store(this.cacheDir, key, text)
    }
  }

  /** The HTML for a program given to `prepare` and not yet to `forget`. */
  readonly html: Highlight = (code, lang) => {
    const html = this.results.get(cacheKey({ code, lang }))
    if (html === undefined) throw new Error(`unreachable: "${lang}" code was not highlighted up front`)
    return html
  }

  /** Drops the results prepared for `requests` (by an earlier `prepare`), or for all. */
  forget(requests?: readonly HighlightRequest[]): void {
    if (!requests) {
      this.results.clear()
      this.holders.clear()
      return
    }
    for (const request of requests) {
      const key = cacheKey(request)
      const left = (this.holders.get(key) ?? 0) - 1
      if (left > 0) {
        this.holders.set(key, left)
      } else {
        this.holders.delete(key)
        this.results.delete(key)
      }
    }
  }

  /** Unloads Shiki; prepared results stay readable. */
  async close(): Promise<void> {
    const shiki = this.shiki
    this.shiki = undefined
    if (shiki) await (await shiki).dispose()
  }

  /**
   * Shiki with every language seen so far. Its first use of a language compiles that grammar's
   * patterns, which is the slow part of a cold run, so only languages in use are loaded.
   */
  private async load(langs: string[]): Promise<HighlightPool> {
    const added = langs.filter((l) => !this.langs.has(l))
    if (added.length > 0 || !this.shiki) {
      for (const lang of added) this.langs.add(lang)
      const previous = this.shiki
      this.shiki = HighlightPool.create([...this.langs], this.expected)
      if (previous) await (await previous).dispose()
    }
    return this.shiki
  }

  private store(dir: string, key: string, html: string): void {
    if (!this.madeCacheDir) {
      try {
        mkdirSync(dir, { recursive: true })
      } catch {
        // Then every write fails quietly too: the output is the same, only not cached.
      }
      this.madeCacheDir = true
    }
    writeCached(dir, key, html)
  }
}

/**
 * Highlights every request up front (from the cache where possible) and returns a synchronous
 * lookup for the formats to use.
 */
export async function createHighlight(
  requests: HighlightRequest[],
  options: HighlightOptions = {},
): Promise<Highlight> {
  const highlighter = new Highlighter({ expected: requests.length, ...options })
  try {
    await highlighter.prepare(requests)
  } finally {
    await highlighter.close()
  }
  return highlighter.html
}
