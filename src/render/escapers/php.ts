import {
  BRACKETS, commentBlock, escapeCodePoints, hasInvisible, hex, isInvisible, isPlainObject,
  printJson, slashes, type Escaper, type JsonStyle,
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

function string(text: string): string {
  if (!hasInvisible(text)) return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`
  return `"${escapeDouble(text)}"`
}

// PHP arrays turn integer-like string keys into integers, and json_encode prints an array with
// keys 0..n-1 (or no keys) as a list; an object cast keeps such data a JSON object.
function needsObjectCast(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length === 0 || keys.some((k) => /^(?:0|-?[1-9][0-9]*)$/.test(k))
}

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
