import {
  BRACES, BRACKETS, commentBlock, escapeCodePoints, hex, isInvisible, plainQuoted, printJson,
  slashes, type Escaper, type JsonStyle, type TextCache,
} from './escaper.ts'

// ECMAScript string literals. \x takes exactly 2 digits and \u{…} is braced, so escapes never
// absorb the characters after them; template literals are never used for spec text.
const SHORT: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  '\b': '\\b', '\f': '\\f', '\v': '\\v',
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

const escapeBody = escapeCodePoints('"\\', (ch, code) => {
  const short = SHORT[ch]
  if (short) return short
  if (!isInvisible(ch)) return ch
  if (code < 0x100) return `\\x${hex(code, 2)}`
  return code > 0xffff ? `\\u{${hex(code, 1)}}` : `\\u${hex(code, 4)}`
})

function string(text: string, cache?: TextCache): string {
  return plainQuoted(text, cache) ?? `"${escapeBody(text)}"`
}

// Built once: a style object per call was a share of every JSON literal's cost.
const JSON_STYLE: JsonStyle = {
  string,
  // `__proto__: x` would set the prototype instead of a property; a computed key does not.
  key: (k) => (k === '__proto__' ? `[${string(k)}]` : IDENTIFIER.test(k) ? k : string(k)),
  keyValue: (k, v) => `${k}: ${v}`,
  open: (v) => (Array.isArray(v) ? BRACKETS : BRACES),
  null: 'null',
  true: 'true',
  false: 'false',
  step: '  ',
  trailing: ',',
}

export const javascript: Escaper = {
  string,
  comment(text, cache) {
    return commentBlock(text, slashes, cache)
  },
  json(value, indent) {
    return printJson(value, JSON_STYLE, indent)
  },
}
