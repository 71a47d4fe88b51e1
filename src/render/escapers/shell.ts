import { PolysnipError } from '../../errors.ts'
import {
  commentBlock, escapeCodePoints, hasInvisible, hex, isInvisible, hashes, plainSingleQuoted,
  type Escaper,
} from './escaper.ts'

// Bash words. Single quotes keep everything literal but cannot hold a quote, which is written
// '\''. Text with invisible characters uses ANSI-C quoting, $'…', with each non-ASCII byte as
// \xHH so the result does not depend on the shell's locale.
const ANSI: Record<string, string> = {
  '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x07': '\\a',
  '\b': '\\b', '\x1b': '\\e', '\f': '\\f', '\v': '\\v',
}

const escapeAnsi = escapeCodePoints("\\'", (ch, code) => {
  const short = ANSI[ch]
  if (short) return short
  if (!isInvisible(ch)) return ch
  return [...Buffer.from(ch, 'utf8')].map((b) => `\\x${hex(b, 2)}`).join('')
})

export const shell: Escaper = {
  string(text, cache) {
    const plain = plainSingleQuoted(text, cache)
    if (plain !== null) return plain
    if (text.includes('\0')) {
      throw new PolysnipError('a shell argument cannot contain NUL (U+0000)', {
        hint: 'remove the NUL character from the spec text',
      })
    }
    if (!hasInvisible(text)) return `'${text.replaceAll("'", "'\\''")}'`
    return `$'${escapeAnsi(text)}'`
  },
  comment(text, cache) {
    return commentBlock(text, hashes, cache)
  },
}
