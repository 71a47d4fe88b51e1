/**
 * The npm scripts polysnip has right now: verify and build are added by other engineers, so the
 * sections that need them check first and report "not available" when they are missing.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './library.ts'

export function npmScript(name: string): string | null {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>
  }
  return manifest.scripts?.[name] ?? null
}
