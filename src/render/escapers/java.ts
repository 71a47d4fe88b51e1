import {
  commentBlock, escapeCodePoints, hex, isInvisible, plainQuoted, slashes, type Escaper,
} from './escaper.ts'

// Java translates \uXXXX before it lexes (JLS §3.3), so a \u escape must never produce a quote,
// backslash or line break: those use their own escapes, other ASCII controls use octal, and all
// non-ASCII uses \u (surrogate pairs for astral). The file stays ASCII, which also keeps
// `java Main.java` independent of the platform charset.
const SHORT: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
}

function utf16Escapes(ch: string): string {
  let out = ''
  for (let i = 0; i < ch.length; i++) out += `\\u${hex(ch.charCodeAt(i), 4)}`
  return out
}

const escapeBody = escapeCodePoints('"\\', (ch, code) => {
  const short = SHORT[ch]
  if (short) return short
  if (code < 0x20 || code === 0x7f) return `\\${code.toString(8).padStart(3, '0')}`
  if (code < 0x80) return ch
  return utf16Escapes(ch)
})

// Comments keep all of ASCII (controls are already shown as <U+…>) and escape the rest.
const asciiComment = escapeCodePoints(
  '',
  (ch, code) => (code < 0x80 ? ch : isInvisible(ch) ? `<U+${hex(code, 4)}>` : utf16Escapes(ch)),
  false,
)

// Text that asciiComment leaves as it is (the common case, tested far faster than looped).
const ASCII = /^[\0-\x7f]*$/

export const java: Escaper = {
  string(text, cache) {
    return plainQuoted(text, cache) ?? `"${escapeBody(text)}"`
  },
  comment(text, cache) {
    return commentBlock(text, (line) => {
      // An odd run of backslashes before "u" would start a Unicode escape, even in a comment.
      const safe = line.includes('\\')
        ? line.replace(/(\\+)(?=u)/g, (run) => (run.length % 2 ? `${run}\\` : run))
        : line
      return slashes(ASCII.test(safe) ? safe : asciiComment(safe))
    }, cache)
  },
}
