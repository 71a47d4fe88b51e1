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
  // Each regex runs only when one pass over the line breaks finds something for it to do:
  // templates rarely leave a trailing blank or three line breaks, and the regexes cost far more
  // than the pass (the trailing-blank one retries at every space of the indentation).
  const found = scanLineEnds(text)
  let tidied = found & BLANK ? text.replace(/[ \t]+$/gm, '') : text
  // Trimming blanks can leave new runs of line breaks, so look again after it.
  const breaks = found & BLANK ? tidied.includes('\n\n\n') : found & BREAKS
  if (breaks) tidied = tidied.replace(/\n{3,}/g, '\n\n')
  let start = 0
  while (start < tidied.length && tidied.charCodeAt(start) === 10) start++
  let end = tidied.length
  while (end > start && tidied.charCodeAt(end - 1) === 10) end--
  return `${tidied.slice(start, end)}\n`
}

const BLANK = 1
const BREAKS = 2

/**
 * BLANK when a line ends in a space or tab (what /[ \t]$/m finds), BREAKS when three line
 * breaks follow each other.
 */
function scanLineEnds(text: string): number {
  // In multiline mode `$` also matches before \r, U+2028 and U+2029: leave those to the regexes.
  if (text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) return BLANK | BREAKS
  let found = 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    const before = text.charCodeAt(at - 1)
    if (before === 32 || before === 9) found |= BLANK
    if (text.charCodeAt(at + 1) === 10 && text.charCodeAt(at + 2) === 10) found |= BREAKS
  }
  const last = text.charCodeAt(text.length - 1)
  return last === 32 || last === 9 ? found | BLANK : found
}
