import {
  BRACKETS, commentBlock, escapeCodePoints, hasInvisible, hex, isInvisible, isPlainObject,
  plainSingleQuoted, printJson, slashes, type Escaper, type JsonStyle, type TextCache,
} from './escaper.ts'

// PHP: single quotes when the text is all visible (only \ and ' are special there); otherwise
// double quotes, where $ must be escaped too so nothing is interpolated.
const DOUBLE: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', $: '\\$', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  '\v': '\\v', '\f': '\\f', '\x1b': '\\e',
}

const escapeDouble = escapeCodePoints('\\"$', (ch, code) => {
  const short = DOUBLE[ch]
  if (short) return short
  if (!isInvisible(ch)) return ch
  return code < 0x80 ? `\\x${hex(code, 2)}` : `\\u{${hex(code, 4)}}`
})

function string(text: string, cache?: TextCache): string {
  const plain = plainSingleQuoted(text, cache)
  if (plain !== null) return plain
  if (!hasInvisible(text)) return `'${text.replace(/[\\']/g, '\\$&')}'`
  return `"${escapeDouble(text)}"`
}

// PHP arrays turn integer-like string keys into integers, and json_encode prints an array with
// keys 0..n-1 (or no keys) as a list; an object cast keeps such data a JSON object.
function needsObjectCast(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  for (const key of keys) {
    // Only a key starting with a digit or `-` can be integer-like: most skip the regex.
    const first = key.charCodeAt(0)
    if ((first === 45 || (first >= 48 && first <= 57)) && INTEGER_KEY.test(key)) return true
  }
  return keys.length === 0
}

const INTEGER_KEY = /^(?:0|-?[1-9][0-9]*)$/

const OBJECT_CAST: [string, string] = ['(object) [', ']']

// Built once: a style object per call was a share of every JSON literal's cost.
const JSON_STYLE: JsonStyle = {
  string,
  keyValue: (k, v) => `${k} => ${v}`,
  open: (v) => (isPlainObject(v) && needsObjectCast(v) ? OBJECT_CAST : BRACKETS),
  null: 'null',
  true: 'true',
  false: 'false',
  step: '    ',
  trailing: ',',
}

export const php: Escaper = {
  string,
  comment(text, cache) {
    // `?>` ends PHP mode even inside a // comment.
    return commentBlock(text, (line) => slashes(line.replaceAll('?>', '? >')), cache)
  },
  json(value, indent) {
    return printJson(value, JSON_STYLE, indent)
  },
}
