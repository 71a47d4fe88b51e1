/**
 * Where polysnip's own files are, found from this module's location so that it works from the
 * TypeScript sources, the bundled `dist/` and an installed package alike.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

function findPackageRoot(start: string): string {
  let dir = start
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }
      if (name === 'polysnip') return dir
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`polysnip: cannot find its package root above ${start}`)
    dir = parent
  }
}

/** The folder holding polysnip's package.json, templates/ and specs/. */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)))

/** Built-in targets. */
export const builtinTemplatesDir = join(packageRoot, 'templates')

/** The spec rendered when a project names none: the Agora "Get all projects" call. */
export const builtinDefaultSpec = join(packageRoot, 'specs', 'list-projects.yaml')

/**
 * A path as messages and the manifest show it: relative to `cwd` when inside it (as users type
 * paths), absolute otherwise, since "../../tmp/x" helps nobody.
 */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path)
  if (rel.startsWith('..') || isAbsolute(rel)) return path
  return rel || '.'
}
