/**
 * Runs the built `polysnip` command, and finds out what it can do (options other engineers are
 * adding while this benchmark is written).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { runChecked, type ChildRun } from './child.ts'
import { root } from './library.ts'

export const bin = join(root, 'bin', 'polysnip.mjs')

export function polysnip(args: string[], cwd: string): Promise<ChildRun> {
  return runChecked('node', [bin, ...args], { cwd })
}

export function help(): string {
  const run = spawnSync('node', [bin, '--help'], { encoding: 'utf8' })
  return `${run.stdout}${run.stderr}`
}

/** `--format` values polysnip gen lists in its help, or none when it has no such option. */
export function formats(): string[] {
  const text = help()
  const block = /--format[\s\S]*?(?=\n  --|\n\n)/.exec(text)?.[0] ?? ''
  const known = ['md', 'html', 'mdx-starlight', 'mdx-docusaurus', 'mkdocs', 'vitepress', 'openapi']
  return known.filter((id) => new RegExp(`\\b${id}\\b`).test(block))
}

/**
 * Output selections for the scale runs: the raw programs alone, and with the Shiki-highlighted
 * HTML fragments; `html` is null when this build of polysnip has no HTML format.
 */
export function outputModes(): { raw: string[]; html: string[] | null } {
  const ids = formats()
  if (ids.length === 0) return { raw: [], html: null }
  return { raw: ['--format', 'raw'], html: ids.includes('html') ? ['--format', 'html'] : null }
}
