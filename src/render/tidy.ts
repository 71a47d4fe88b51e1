/**
 * tidy() trims line ends and folds blank lines in a rendered program; compiled templates track,
 * piece by piece as they append, whether the text they build is already tidy, so that most
 * renders skip the scan of the whole text (see `TidyState`).
 */

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

/**
 * What the text appended so far says about tidy(): a small integer. Bits 0–1 count the line
 * breaks it ends with (3, which no tidy text reaches, also stands for "nothing written yet", so
 * that a leading line break counts as a run); bit 2 says it ends in a space or tab; bit 3 says
 * tidy() may change it. Text is already tidy, tidy(text) === text, exactly when its state is
 * `TIDY_END` and it holds no \r, U+2028 or U+2029 (where the regexes also see line ends; see
 * isTidy): a line break was never preceded by a blank nor part of a run of three (nor the first
 * character), and the text ends in exactly one line break.
 */
export type TidyState = number

export const TIDY_START: TidyState = 3
export const TIDY_END: TidyState = 1
export const UNTIDY: TidyState = 8
const ENDS_BLANK = 4

const OTHER_BREAKS = /[\r\u2028\u2029]/

/** The state after appending `text` to text in `state`. */
export function advance(state: TidyState, text: string): TidyState {
  if (state & UNTIDY || text === '') return state
  // Most values are one line: only their last character matters. (\r, U+2028 and U+2029 are
  // looked for once, in the whole text: see isTidy.)
  if (!text.includes('\n')) return endsBlank(text.charCodeAt(text.length - 1)) ? ENDS_BLANK : 0
  let breaks = state & 3
  let blank = (state & ENDS_BLANK) !== 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) {
      if (blank || ++breaks >= 3) return UNTIDY
    } else {
      breaks = 0
      blank = endsBlank(code)
    }
  }
  return breaks | (blank ? ENDS_BLANK : 0)
}

function endsBlank(code: number): boolean {
  return code === 32 || code === 9
}

/**
 * Template text that starts with `count` line breaks, then text whose own state is `rest` (what
 * `advance(0, …)` gives the remainder; -1 when there is none): how many of those line breaks to
 * write. tidy() turns every run of two or more line breaks into two (blank lines between them
 * included, once trimmed), and drops the ones at the start, so a run can be cut short as it is
 * written; compiled templates do so, and usually know the state before the text when they are
 * compiled, so that this runs only after a block whose branches end differently.
 */
export function breaksToWrite(state: TidyState, count: number): number {
  if (state & (UNTIDY | ENDS_BLANK)) return count
  if (state === TIDY_START) return 0
  const before = state & 3
  return before + count >= 3 ? Math.max(0, 2 - before) : count
}

/** The state after such text, written as `breaksToWrite` says. */
export function afterBreaks(state: TidyState, count: number, rest: TidyState): TidyState {
  if (state & (UNTIDY | ENDS_BLANK)) return count > 0 ? UNTIDY : state
  if (state === TIDY_START) return rest === -1 ? state : rest
  const breaks = Math.min(2, (state & 3) + count)
  return rest === -1 ? breaks : rest
}

/** Line breaks by count, for `breaksToWrite` (a longer run of them can be written as two). */
export const BREAKS_BY_COUNT = ['', '\n', '\n\n']

/**
 * Template text as tidy() would leave it, where that does not depend on what surrounds it: from
 * its first to its last character that is not a blank or line break, blanks at line ends go and
 * runs of line breaks fold, and a final run of three or more line breaks becomes two. Text with
 * \r, U+2028 or U+2029 is left as it is.
 */
export function tidyInside(text: string): string {
  if (OTHER_BREAKS.test(text)) return text
  const first = text.search(/[^ \t\n]/)
  if (first === -1) return text
  let last = text.length - 1
  while (/[ \t\n]/.test(text.charAt(last))) last--
  const inside = text.slice(first, last + 1).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n')
  const after = text.slice(last + 1)
  return text.slice(0, first) + inside + (/^\n{3,}$/.test(after) ? '\n\n' : after)
}

/**
 * Whether text whose state is TIDY_END is tidy: it also needs no \r, U+2028 or U+2029, which
 * the regexes also treat as line ends. Checked here, once, rather than in every value; the search
 * also flattens the rope that appending built, as reading it later would (tidy()'s scan did this
 * before), so the render pays for that copy where the benchmark measures it.
 */
export function isTidy(state: TidyState, text: string): boolean {
  return state === TIDY_END && !text.includes('\r') && !text.includes('\u2028') && !text.includes('\u2029')
}
