import {
  commentBlock, escapeCodePoints, hasInvisible, hex, isInvisible, plainQuoted, slashes, type Escaper,
} from './escaper.ts'

// Go interpreted string literals (go.dev/ref/spec#String_literals). Source is UTF-8, so visible
// non-ASCII stays as is; \u and \U take exactly 4 and 8 hex digits, so nothing is swallowed.
const SHORT: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v',
}

const escapeBody = escapeCodePoints('"\\', (ch, code) => {
  const short = SHORT[ch]
  if (short) return short
  if (!isInvisible(ch)) return ch
  if (code < 0x80) return `\\x${hex(code, 2)}`
  return code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`
})

export const go: Escaper = {
  string(text, cache) {
    return plainQuoted(text, cache) ?? `"${escapeBody(text)}"`
  },
  comment(text, cache) {
    return commentBlock(text, slashes, cache)
  },
}

// A raw string cannot hold a backtick, and Go drops carriage returns from it.
go.raw = (text) => (/[`\r]/.test(text) || hasInvisible(text) ? null : `\`${text}\``)
