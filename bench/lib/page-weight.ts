/**
 * What a browser loads for one built page before any interaction: the HTML, its stylesheets,
 * and its scripts with their static imports (dynamic `import()`, such as Pagefind's search UI,
 * comes later and is left out). Sizes raw and gzipped (level 6, a common server default).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface Weight {
  files: number
  raw: number
  gzip: number
}

export interface PageWeight {
  html: Weight
  js: Weight
  css: Weight
  /** Inline <script> and <style> bytes, already counted in html. */
  inlineJs: number
  inlineCss: number
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 6 }).length

function weigh(contents: Buffer[]): Weight {
  return {
    files: contents.length,
    raw: contents.reduce((s, c) => s + c.length, 0),
    gzip: contents.reduce((s, c) => s + gz(c), 0),
  }
}

/** Site-relative URL → file in the build folder; null for external or missing files. */
function fileOf(siteDir: string, fromUrl: string, ref: string): string | null {
  if (/^[a-z]+:|^\/\//i.test(ref)) return null
  const url = ref.startsWith('/') ? ref : posix.join(posix.dirname(fromUrl), ref)
  const file = join(siteDir, url.split(/[?#]/)[0] ?? '')
  return existsSync(file) ? file : null
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+)["']/g
/** Inline scripts that run: not external, not JSON data. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)(?![^>]*application\/(?:ld\+)?json)[^>]*>([\s\S]*?)<\/script>/gi

const attr = (tag: string, name: string) => new RegExp(`\\b${name}=["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1]

export function pageWeight(siteDir: string, pageUrl: string): PageWeight {
  const htmlFile = join(siteDir, pageUrl, 'index.html')
  const html = readFileSync(htmlFile, 'utf8')

  const scripts = new Map<string, Buffer>()
  const queue: Array<[url: string, file: string]> = []
  const addScript = (from: string, ref: string) => {
    const file = fileOf(siteDir, from, ref)
    if (!file || scripts.has(file)) return
    scripts.set(file, readFileSync(file))
    queue.push([`/${file.slice(siteDir.length + 1)}`, file])
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src')
    if (src) addScript(pageUrl, src)
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const href = attr(tag, 'href')
    if (href && /rel=["']?modulepreload/i.test(tag)) addScript(pageUrl, href)
  }
  // Static imports only: `import x from "./a.js"`, `import "./b.js"`, `export * from "./c.js"`.
  while (queue.length > 0) {
    const [url, file] = queue.shift() as [string, string]
    const code = readFileSync(file, 'utf8')
    for (const m of code.matchAll(STATIC_IMPORT)) addScript(url, m[1] ?? '')
  }

  const styles: Buffer[] = []
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const href = attr(tag, 'href')
    const file = href && /rel=["']?stylesheet/i.test(tag) ? fileOf(siteDir, pageUrl, href) : null
    if (file) styles.push(readFileSync(file))
  }

  const inline = (re: RegExp) =>
    [...html.matchAll(re)].reduce((s, m) => s + Buffer.byteLength(m[1] ?? ''), 0)
  return {
    html: weigh([Buffer.from(html)]),
    js: weigh([...scripts.values()]),
    css: weigh(styles),
    inlineJs: inline(INLINE_SCRIPT),
    inlineCss: inline(/<style\b[^>]*>([\s\S]*?)<\/style>/gi),
  }
}
