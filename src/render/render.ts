/**
 * One spec × one target → the program text.
 */
import type { Spec } from '../spec/model.ts'
import { buildContext, type ContextOptions } from './context.ts'
import { compileTarget, templateError } from './engine.ts'
import type { Target } from './targets.ts'

export type RenderOptions = ContextOptions

/** Renders a complete program. Output is tidy: no trailing spaces, no double blank lines. */
export function renderSnippet(spec: Spec, target: Target, options: RenderOptions = {}): string {
  const template = compileTarget(target)
  let text: string
  try {
    text = template(buildContext(spec, target, options))
  } catch (cause) {
    throw templateError(target, cause)
  }
  return tidy(text)
}

// Literals never span lines (line breaks inside them are escaped), so trimming line ends and
// folding blank lines cannot change what a program means.
function tidy(text: string): string {
  // Templates rarely leave trailing blanks, and looking for one is much cheaper than the
  // replacement, which retries at every space of the indentation.
  const trimmed = /[ \t]$/m.test(text) ? text.replace(/[ \t]+$/gm, '') : text
  const tidied = trimmed.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '')
  return `${trimTrailingNewlines(tidied)}\n`
}

// The same as .replace(/\n*$/, '\n') without its newline: V8 retried that regex at every line
// break of the program, which cost more than the rest of tidy().
function trimTrailingNewlines(text: string): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--
  return text.slice(0, end)
}
