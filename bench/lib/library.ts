/**
 * polysnip's library API as users get it: the esbuild bundle in dist/ (built by
 * `npm run build:lib`, which `npm run bench` runs first), typed from the sources.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type Library = typeof import('../../src/index.ts')

export const root = join(import.meta.dirname, '..', '..')

export async function loadLibrary(): Promise<Library> {
  const entry = join(root, 'dist', 'index.js')
  if (!existsSync(entry)) throw new Error('dist/index.js is missing: run "npm run build:lib" first')
  return (await import(pathToFileURL(entry).href)) as Library
}
