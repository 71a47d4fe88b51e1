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
 * `TIDY_END`: a line break was never preceded by a blank nor part of a run of three (nor the
 * first character), no \r, U+2028 or U+2029 (where the regexes also see line ends) was appended,
 * and the text ends in exactly one line break.
 */
export type TidyState = number

export const TIDY_START: TidyState = 3
export const TIDY_END: TidyState = 1
export const UNTIDY: TidyState = 8
const ENDS_BLANK = 4

const OTHER_BREAKS = /[\r\u2028\u2029]/
const ANY_BREAK = /[\n\r\u2028\u2029]/

/** The state after appending `text` to text in `state`. */
export function advance(state: TidyState, text: string): TidyState {
  if (state & UNTIDY || text === '') return state
  // Most values are one line: only their last character matters.
  if (!ANY_BREAK.test(text)) return endsBlank(text.charCodeAt(text.length - 1)) ? ENDS_BLANK : 0
  if (OTHER_BREAKS.test(text)) return UNTIDY
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
 * Appending text that starts with `count` line breaks and then text whose own state is `rest`
 * (what `advance(0, …)` gives the remainder; -1 when there is none). Compiled templates work out
 * `count` and `rest` for each piece of template text when they are compiled: text that does not
 * start with a line break leaves a state that does not depend on the one before it.
 */
export function afterBreaks(state: TidyState, count: number, rest: TidyState): TidyState {
  if (state & (UNTIDY | ENDS_BLANK)) return UNTIDY
  const breaks = (state & 3) + count
  if (breaks >= 3) return UNTIDY
  return rest === -1 ? breaks : rest
}
