/**
 * Builds the docs site for the tests, into its own folder so a concurrent `npm run build` (by
 * a developer or the benchmark) is never disturbed. It rebuilds only when a source is newer
 * than the last build, and a lock folder keeps parallel test files from building twice.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const root = join(import.meta.dirname, '..', '..')
export const siteDir = join(root, 'test-output', 'site-dist')
const stamp = join(siteDir, '.built')
const lock = join(root, 'test-output', 'site-build.lock')

const SOURCES = ['site', 'src/tabs', 'src/site', 'snippets', 'astro.config.mjs', 'package.json']

function newest(path: string): number {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let max = info.mtimeMs
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)))
  return max
}

function fresh(): boolean {
  if (!existsSync(stamp)) return false
  const built = statSync(stamp).mtimeMs
  return SOURCES.every((s) => !existsSync(join(root, s)) || newest(join(root, s)) <= built)
}

export async function ensureSite(): Promise<string> {
  mkdirSync(join(root, 'test-output'), { recursive: true })
  for (;;) {
    if (fresh()) return siteDir
    try {
      mkdirSync(lock)
      break
    } catch {
      // Another test file is building: wait for it (a lock older than 5 minutes is stale).
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
      if (Date.now() - since > 300_000) rmSync(lock, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  try {
    if (fresh()) return siteDir
    await promisify(execFile)('npx', ['astro', 'build', '--outDir', siteDir], {
      cwd: root,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        POLYSNIP_ASTRO_CACHE: join(root, 'test-output', 'astro-cache'),
      },
      maxBuffer: 64 * 1024 * 1024,
    })
    writeFileSync(stamp, new Date().toISOString())
    return siteDir
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
