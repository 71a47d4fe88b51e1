/**
 * The code a compiled template runs to append its text: as Handlebars prints it (`RawWriter`),
 * or as tidy() would leave it (`TidyWriter`), which keeps the text's tidy state in `z` (see
 * TidyState in ../tidy.ts) so that the render can skip tidy() when nothing would change, and
 * already folds what it can prove tidy() would fold.
 */
import { TIDY_START, UNTIDY, advance, afterBreaks, breaksToWrite, tidyInside } from '../tidy.ts'

export interface Writer {
  /**
   * What `z` holds at this point of the generated code unless it is UNTIDY, when that does not
   * depend on the branches taken; else null. The generator sets it around blocks.
   */
  known: number | null
  /** Template text. */
  text(value: string): string
  /** A value printed by a mustache, as `o += value` would append it. */
  value(expression: string): string
  /**
   * The output of an escaping helper (str, text, comment, json, envRef): never empty, and tidy
   * by construction: no line break at either end, no blank before a line break, no blank line,
   * no \r, U+2028 or U+2029 (test/core/escapers.test.ts checks every escaper for this).
   */
  literal(expression: string): string
}

export class RawWriter implements Writer {
  known = null

  text(value: string): string {
    return `o += ${JSON.stringify(value)}`
  }

  value(expression: string): string {
    return `o += (${expression}) ?? ''`
  }

  literal(expression: string): string {
    return `o += ${expression}`
  }
}

export class TidyWriter implements Writer {
  known: number | null = TIDY_START

  text(value: string): string {
    // A run of two or more line breaks can be written as two (see breaksToWrite).
    const leading = /^\n*/.exec(value)?.[0].length ?? 0
    const count = Math.min(leading, 2)
    const rest = tidyInside(value.slice(leading))
    const after = rest === '' ? -1 : advance(0, rest)
    const known = this.known
    if (known !== null) {
      // The state before is known now, so is the text to write, and the state after.
      const state = count > 0 ? afterBreaks(known, count, after) : after === -1 ? known : after
      this.known = state === UNTIDY ? null : state
      const written = '\n'.repeat(count > 0 ? breaksToWrite(known, count) : 0) + rest
      const append = written ? `o += ${JSON.stringify(written)}\n` : ''
      return `${append}${state === UNTIDY ? 'z = 8' : `z = (z & ${UNTIDY}) | ${state}`}`
    }
    this.known = after === -1 || after === UNTIDY ? null : after
    const lines = []
    if (count > 0) lines.push(`o += r.BREAKS_BY_COUNT[r.breaksToWrite(z, ${count})]`)
    if (rest) lines.push(`o += ${JSON.stringify(rest)}`)
    if (count > 0) lines.push(`z = r.afterBreaks(z, ${count}, ${after})`)
    else lines.push(after === UNTIDY ? 'z = 8' : `z = (z & ${UNTIDY}) | ${after}`)
    return lines.join('\n')
  }

  value(expression: string): string {
    this.known = null
    return [`t = '' + ((${expression}) ?? '')`, 'o += t', 'z = r.advance(z, t)'].join('\n')
  }

  literal(expression: string): string {
    // It starts with something other than a line break, and ends with neither a blank nor one.
    this.known = 0
    return `o += ${expression}\nz &= ${UNTIDY}`
  }
}
