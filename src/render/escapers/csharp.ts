import {
  commentBlock, escapeCodePoints, hasInvisible, hex, isInvisible, plainQuoted, slashes, type Escaper,
} from './escaper.ts'

// C# regular string literals. Never \x: it takes one to four hex digits and would swallow the
// letters after it; \u and \U take exactly 4 and 8.
const SHORT: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\f': '\\f',
  '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
}

const escapeBody = escapeCodePoints('"\\', (ch, code) => {
  const short = SHORT[ch]
  if (short) return short
  if (!isInvisible(ch)) return ch
  return code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`
})

export const csharp: Escaper = {
  string(text, cache) {
    return plainQuoted(text, cache) ?? `"${escapeBody(text)}"`
  },
  comment(text, cache) {
    return commentBlock(text, slashes, cache)
  },
}

// A one-line raw string literal (C# 11): as many quotes around it as the longest quote run
// inside plus one, and it may not start or end with a quote.
csharp.raw = (text) => {
  if (text === '' || /^"|"$/.test(text) || hasInvisible(text)) return null
  const longest = Math.max(0, ...(text.match(/"+/g) ?? []).map((run) => run.length))
  const quotes = '"'.repeat(Math.max(3, longest + 1))
  return `${quotes}${text}${quotes}`
}
