import { PolysnipError } from '../../errors.ts'
import { commentLines, hasInvisible, hex, isInvisible, mapCodePoints, type Escaper } from './escaper.ts'

// Bash words. Single quotes keep everything literal but cannot hold a quote, which is written
// '\''. Text with invisible characters uses ANSI-C quoting, $'…', with each non-ASCII byte as
// \xHH so the result does not depend on the shell's locale.
const ANSI: Record<string, string> = {
  '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x07': '\\a',
  '\b': '\\b', '\x1b': '\\e', '\f': '\\f', '\v': '\\v',
}

// What ANSI or an escape may change: all but printable ASCII, and \\ and '.
const ANSI_SPECIAL = /[^ -&(-[\]-~]/gu

export const shell: Escaper = {
  string(text) {
    if (text.includes('\0')) {
      throw new PolysnipError('a shell argument cannot contain NUL (U+0000)', {
        hint: 'remove the NUL character from the spec text',
      })
    }
    if (!hasInvisible(text)) return `'${text.replaceAll("'", "'\\''")}'`
    const body = mapCodePoints(text, ANSI_SPECIAL, (ch, code) => {
      const short = ANSI[ch]
      if (short) return short
      if (!isInvisible(ch)) return ch
      return [...Buffer.from(ch, 'utf8')].map((b) => `\\x${hex(b, 2)}`).join('')
    })
    return `$'${body}'`
  },
  comment(text) {
    return commentLines(text).map((l) => `# ${l}`.trimEnd()).join('\n')
  },
}
