/**
 * Remembers runs that passed, so a second verification with nothing changed only has to look
 * them up. A key covers everything a run depends on: the exact program text, the command, the
 * toolchain version, the vector and what the server expected and answered. Failures are never
 * cached. One empty file per key keeps concurrent runs (other terminals, CI shards) from
 * overwriting each other.
 */
import { createHash } from 'node:crypto'
import { access, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

// Bump when the checks change, so results made by older checks are not trusted.
const CHECKS_VERSION = 1

export interface ResultCache {
  has(key: string): Promise<boolean>
  remember(key: string): Promise<void>
}

export function cacheKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify({ checks: CHECKS_VERSION, parts })).digest('hex')
}

/** A cache in `dir` (e.g. `.cache/verify`), or one that remembers nothing when `dir` is null. */
export function createResultCache(dir: string | null): ResultCache {
  if (dir === null) return { has: async () => false, remember: async () => {} }
  const folder = join(dir, 'passed')

  return {
    async has(key) {
      try {
        await access(join(folder, key))
        return true
      } catch {
        return false
      }
    },
    // A cache is only a cache: if the folder vanishes mid-run (someone cleared it), make it
    // again, and never let a failed write fail the verification.
    async remember(key) {
      try {
        await writeFile(join(folder, key), '')
      } catch {
        await mkdir(folder, { recursive: true }).catch(() => {})
        await writeFile(join(folder, key), '').catch(() => {})
      }
    },
  }
}
