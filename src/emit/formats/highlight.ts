/**
 * Shiki highlighting for the HTML fragment: light and dark colours as CSS variables
 * (`defaultColor: false`), so one fragment follows the host page's theme without re-rendering.
 *
 * Shiki's first tokenisation of a language compiles its grammar, which costs 50–400 ms per
 * language; that dominated `npm run gen`. So only the languages in use are loaded, and each
 * result is cached on disk by its exact input (code, language, themes, Shiki version).
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { PolysnipError } from '../../errors.ts'
import type { Highlight } from './format.ts'

export const THEMES = { light: 'github-light', dark: 'github-dark' } as const

export interface HighlightOptions {
  /** Folder for cached results, or false for none. @default '.cache/polysnip/highlight' */
  cacheDir?: string | false
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

async function readCached(dir: string | false, key: string): Promise<string | undefined> {
  if (!dir) return undefined
  return readFile(join(dir, `${key}.html`), 'utf8').catch(() => undefined)
}

async function writeCached(dir: string | false, key: string, html: string): Promise<void> {
  if (!dir) return
  await mkdir(dir, { recursive: true })
  // Unique per writer: test workers and parallel builds may share a process id or a cache.
  const temp = join(dir, `${key}.${process.pid}.${randomUUID()}.tmp`)
  await writeFile(temp, html)
  await rename(temp, join(dir, `${key}.html`))
}

/** Highlights `code` with the languages it needs, loading nothing else. */
async function highlightMissing(missing: HighlightRequest[]): Promise<string[]> {
  const [{ createHighlighterCore }, { createOnigurumaEngine }, { bundledLanguages }, { bundledThemes }] =
    await Promise.all([
      import('shiki/core'),
      import('shiki/engine/oniguruma'),
      import('shiki/langs'),
      import('shiki/themes'),
    ])
  const langIds = [...new Set(missing.map((m) => m.lang))]
  const unknown = langIds.filter((l) => !(l in bundledLanguages))
  if (unknown.length > 0) {
    throw new PolysnipError(`Shiki has no language "${unknown[0]}"`, {
      field: 'shiki',
      hint: 'set "shiki" in target.json to a Shiki language id, e.g. "bash" or "javascript"',
    })
  }
  const highlighter = await createHighlighterCore({
    langs: langIds.map((l) => bundledLanguages[l as keyof typeof bundledLanguages]),
    themes: [bundledThemes[THEMES.light], bundledThemes[THEMES.dark]],
    engine: createOnigurumaEngine(import('shiki/wasm')),
  })
  try {
    // Without the final line break: Shiki would show it as an empty last line.
    return missing.map(({ code, lang }) =>
      highlighter.codeToHtml(code.replace(/\n$/, ''), { lang, themes: THEMES, defaultColor: false }))
  } finally {
    highlighter.dispose()
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
  const cacheDir = options.cacheDir ?? join('.cache', 'polysnip', 'highlight')
  const results = new Map<string, string>()
  const missing: HighlightRequest[] = []

  for (const request of requests) {
    const key = cacheKey(request)
    if (results.has(key)) continue
    const cached = await readCached(cacheDir, key)
    if (cached === undefined) missing.push(request)
    else results.set(key, cached)
  }

  if (missing.length > 0) {
    const html = await highlightMissing(missing)
    for (const [i, request] of missing.entries()) {
      const key = cacheKey(request)
      const text = html[i] ?? ''
      results.set(key, text)
      await writeCached(cacheDir, key, text)
    }
  }

  return (code, lang) => {
    const html = results.get(cacheKey({ code, lang }))
    if (html === undefined) throw new Error(`unreachable: "${lang}" code was not highlighted up front`)
    return html
  }
}
