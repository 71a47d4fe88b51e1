import {
  BRACES, BRACKETS, commentBlock, escapeCodePoints, hashes, hex, isInvisible, plainQuoted,
  printJson, type Escaper, type JsonStyle, type TextCache,
} from './escaper.ts'

// Python str literals. \x, \u and \U take a fixed number of digits; f-strings are never used.
const SHORT: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t',
}

const escapeBody = escapeCodePoints('"\\', (ch, code) => {
  const short = SHORT[ch]
  if (short) return short
  if (!isInvisible(ch)) return ch
  if (code < 0x100) return `\\x${hex(code, 2)}`
  return code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`
})

function string(text: string, cache?: TextCache): string {
  return plainQuoted(text, cache) ?? `"${escapeBody(text)}"`
}

// Built once: a style object per call was a share of every JSON literal's cost.
const JSON_STYLE: JsonStyle = {
  string,
  keyValue: (k, v) => `${k}: ${v}`,
  open: (v) => (Array.isArray(v) ? BRACKETS : BRACES),
  null: 'None',
  true: 'True',
  false: 'False',
  step: '    ',
  trailing: ',',
}

export const python: Escaper = {
  string,
  comment(text, cache) {
    return commentBlock(text, hashes, cache)
  },
  json(value, indent) {
    return printJson(value, JSON_STYLE, indent)
  },
}
