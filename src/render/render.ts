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
export function tidy(text: string): string {
  // Each regex runs only when a plain substring search finds something for it to do: templates
  // rarely leave a trailing blank or three line breaks, and the searches cost far less than the
  // regexes (the trailing-blank one retries at every space of the indentation).
  let tidied = hasTrailingBlank(text) ? text.replace(/[ \t]+$/gm, '') : text
  if (tidied.includes('\n\n\n')) tidied = tidied.replace(/\n{3,}/g, '\n\n')
  let start = 0
  while (start < tidied.length && tidied.charCodeAt(start) === 10) start++
  let end = tidied.length
  while (end > start && tidied.charCodeAt(end - 1) === 10) end--
  return `${tidied.slice(start, end)}\n`
}

/** Whether a line ends in a space or tab: what /[ \t]$/m finds, without a regex in most cases. */
function hasTrailingBlank(text: string): boolean {
  // In multiline mode `$` also matches before \r, U+2028 and U+2029: leave those to the regex.
  if (text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) return /[ \t]$/m.test(text)
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    const before = text.charCodeAt(at - 1)
    if (before === 32 || before === 9) return true
  }
  const last = text.charCodeAt(text.length - 1)
  return last === 32 || last === 9
}
