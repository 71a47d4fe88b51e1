/**
 * The generation cache's folders: one per set of inputs other than the spec files (a
 * "generation"), named by a hash that includes polysnip's own code, and pruned to the few used
 * last, since every change of templates, options or code starts a new one.
 */
import { createHash, type Hash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { packageRoot } from '../paths.ts'

/** Generations kept besides the current one. */
const KEPT_GENERATIONS = 3

/**
 * A generation or index used this recently is never removed: another run (a second terminal,
 * `astro dev`, parallel tests) may be reading its content files at this moment.
 */
export const IN_USE_MS = 10 * 60_000

/**
 * polysnip's own code shapes the output too, and its version number does not change between
 * builds of one checkout, so the running code itself is the fingerprint: from dist/, the build id
 * that scripts/build-lib.mjs records (a hash of the sources, the locked dependencies and the
 * versions of the libraries that shape output text); from the TypeScript sources, a hash of those
 * files and versions.
 */
export async function codeFingerprint(): Promise<string> {
  if (import.meta.url.includes('/dist/')) {
    try {
      const stamp = readFileSync(join(packageRoot, 'dist', '.build.json'), 'utf8')
      const { id } = JSON.parse(stamp) as { id?: unknown }
      if (typeof id === 'string') return `build ${id}`
    } catch {
      // Not built by scripts/build-lib.mjs: the files themselves are hashed below.
    }
  }
  const hash = createHash('sha256')
  await hashFiles(hash, join(packageRoot, import.meta.url.includes('/dist/') ? 'dist' : 'src'))
  const require = createRequire(import.meta.url)
  for (const dep of ['handlebars', 'yaml', 'shiki']) {
    hash.update(`${dep}@${(require(`${dep}/package.json`) as { version: string }).version}\0`)
  }
  return hash.digest('hex')
}

async function hashFiles(hash: Hash, dir: string): Promise<void> {
  const all = await readdir(dir, { recursive: true })
  const names = all.filter((n) => /\.(js|ts|css)$/.test(n)).sort()
  for (const name of names) hash.update(`${name}\0`).update(await readFile(join(dir, name)))
}

/**
 * Every change of templates, options or polysnip itself starts a new generation of entries, so
 * only the most recently used few are kept (the current one is marked used by its mtime).
 */
export async function prune(dir: string, current: string): Promise<void> {
  // Synchronous: a handful of calls, each cheaper than a thread hop, on every run.
  try {
    mkdirSync(join(dir, current), { recursive: true })
    const now = new Date()
    utimesSync(join(dir, current), now, now)
    const others = readdirSync(dir).filter((n) => /^[0-9a-f]{16}$/.test(n) && n !== current)
    if (others.length <= KEPT_GENERATIONS) return
    const dated = others.map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
    dated.sort((a, b) => b.time - a.time)
    const old = dated.slice(KEPT_GENERATIONS).filter(({ time }) => now.getTime() - time > IN_USE_MS)
    for (const { name } of old) {
      await rm(join(dir, name), { recursive: true, force: true })
    }
  } catch {
    // A cache folder that cannot be tidied still works; it only takes more disk.
  }
}
