/**
 * What a target language must provide so that spec text can reach its templates safely.
 * Templates never print spec text directly: every string goes through one of these functions.
 */
export interface Escaper {
  /** A string literal, quotes included, that evaluates to exactly `text` (`cache`: see TextCache). */
  string(text: string, cache?: TextCache): string
  /**
   * Line comments carrying `text`, one per line of it, each with the comment marker. `cache`
   * keeps the lines that long text is split into, for the next target (see TextCache).
   */
  comment(text: string, cache?: TextCache): string
  /**
   * A native literal for a JSON value (object, list, string, number, boolean, null), for languages
   * that serialise their own data structures. `indent` is the indentation of the first line.
   */
  json?(value: unknown, indent: string): string
  /**
   * A more readable literal for longer text such as a JSON body (Go raw strings, C# raw string
   * literals), or null when `text` cannot be written that way. Falls back to `string`.
   */
  raw?(text: string): string | null
}

/** Code points that must not appear raw in a literal: controls, formats, separators but space. */
export const INVISIBLE = /[\p{C}\p{Z}]/u

export function isInvisible(ch: string): boolean {
  // Printable ASCII (space to tilde) is never invisible: answering without the Unicode regex
  // took a tenth of all render time off.
  if (ch.length === 1 && ch >= ' ' && ch <= '~') return false
  return INVISIBLE.test(ch)
}

export function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0')
}

/** Whether `text` holds an invisible character (see `isInvisible`). */
export function hasInvisible(text: string): boolean {
  return !PRINTABLE.test(text) && INVISIBLE_BUT_SPACE.test(text)
}

const PRINTABLE = /^[ -~]*$/

/**
 * The double-quoted literal of printable ASCII text, in every language here that uses them: `"`
 * and `\` take a backslash and nothing else changes, which is what JSON.stringify writes (and
 * much faster than a loop); null for any other text.
 */
export function plainQuoted(text: string, cache?: TextCache): string | null {
  // Five of the seven languages write this same literal: the first one to ask keeps it.
  if (cache) return cache.quoted !== undefined ? cache.quoted : (cache.quoted = plainQuoted(text))
  if (UNQUOTED.test(text)) return `"${text}"`
  return PRINTABLE.test(text) ? JSON.stringify(text) : null
}

// Printable ASCII but the quote and the backslash: nothing to escape at all.
const UNQUOTED = /^[ !#-[\]-~]*$/

/**
 * The single-quoted literal of printable ASCII text without `'` or `\`, which PHP and the shell
 * both write as the text between two quotes; null for any other text.
 */
export function plainSingleQuoted(text: string, cache?: TextCache): string | null {
  if (cache) {
    const known = cache.singleQuoted
    return known !== undefined ? known : (cache.singleQuoted = plainSingleQuoted(text))
  }
  return UNQUOTED_SINGLE.test(text) ? `'${text}'` : null
}

// Printable ASCII but the single quote and the backslash.
const UNQUOTED_SINGLE = /^[ -&(-[\]-~]*$/
const INVISIBLE_BUT_SPACE = /(?! )[\p{C}\p{Z}]/u

export type CodePointEscape = (ch: string, code: number) => string

/**
 * A function that passes each code point of a text that may need escaping to `escape` (astral
 * characters whole) and keeps the rest as it is. Those are: `chars`, the ASCII controls (unless
 * `controls` is false) and everything outside ASCII; `escape` must return any other character
 * unchanged. Spec text is mostly plain ASCII, and a regex replace or a call per character cost
 * more than all of a template's other work, so the ASCII answers are worked out once, here.
 */
export function escapeCodePoints(
  chars: string,
  escape: CodePointEscape,
  controls = true,
): (text: string) => string {
  const ascii: Array<string | null> = []
  for (let code = 0; code < 128; code++) {
    const ch = String.fromCharCode(code)
    const special = chars.includes(ch) || (controls && (code < 0x20 || code === 0x7f))
    ascii.push(special ? escape(ch, code) : null)
  }
  return (text) => {
    let out = ''
    let from = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      let escaped = code < 128 ? ascii[code] : null
      if (code < 128 && escaped === null) continue
      const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))
      if (escaped === null) {
        const ch = pair ? text.slice(i, i + 2) : text.charAt(i)
        escaped = escape(ch, pair ? (ch.codePointAt(0) ?? 0) : code)
      }
      out += text.slice(from, i) + escaped
      if (pair) i++
      from = i + 1
    }
    return from === 0 ? text : out + text.slice(from)
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Where what escapers work out for one text is kept: the spec text object it comes from
 * (src/render/context.ts), which lives as long as its spec object, so the targets rendering that
 * spec split a long comment, or quote a plain string, once. Never keyed by the text itself: that
 * would carry the work over to the next spec object with the same text, which a first render
 * never gets.
 */
export interface TextCache {
  /** The lines of a comment; null for one short printable line, the text itself. */
  commentLines?: readonly string[] | null
  /** What `plainQuoted` gives. */
  quoted?: string | null
  /** What `plainSingleQuoted` gives. */
  singleQuoted?: string | null
}

/** `text` as comment lines, each written by `mark` (which adds the comment marker). */
export function commentBlock(text: string, mark: (line: string) => string, cache?: TextCache): string {
  // One short printable line is the common case: no array to build and join.
  let lines = cache?.commentLines
  if (lines === undefined) {
    lines = text.length <= COMMENT_WIDTH && PRINTABLE.test(text) ? null : commentLines(text)
    if (cache) cache.commentLines = lines
  }
  if (lines === null) return mark(text)
  return lines.map((line) => mark(line)).join('\n')
}

/** A `//` comment line; `#` below. Blank lines keep just the marker. */
export const slashes = (line: string): string => marked('// ', line)
export const hashes = (line: string): string => marked('# ', line)

function marked(marker: string, line: string): string {
  // trimEnd() has to flatten the joined text, a copy; a line that ends in a visible ASCII
  // character has nothing to trim.
  const last = line.charCodeAt(line.length - 1)
  return last > 32 && last < 127 ? marker + line : (marker + line).trimEnd()
}

/** Comment text wraps at this width so that generated files stay readable. */
const COMMENT_WIDTH = 92

/**
 * The lines of a comment: the text's own lines, long ones wrapped at spaces, with invisible
 * characters shown as `<U+XXXX>`.
 */
export function commentLines(text: string): readonly string[] {
  // Most comment text is one short line of printable ASCII: nothing to split, show or wrap.
  if (text.length <= COMMENT_WIDTH && PRINTABLE.test(text)) return [text]
  return text
    .split(/\r\n|[\n\r\u2028\u2029\u0085]/)
    .map(showInvisible)
    .flatMap((line) => wrap(line, COMMENT_WIDTH))
}

// Controls and non-ASCII: what may be invisible. Tabs stay, as indentation.
const showInvisible = escapeCodePoints('', (ch, code) =>
  isInvisible(ch) && ch !== '\t' ? `<U+${hex(code, 4)}>` : ch,
)

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line]
  const indent = /^\s*/.exec(line)?.[0] ?? ''
  const lines: string[] = []
  let current = ''
  for (const word of line.trim().split(/ +/)) {
    if (current && (current + ' ' + word).length > width) {
      lines.push(current)
      current = indent + word
    } else {
      current = current ? `${current} ${word}` : indent + word
    }
  }
  if (current) lines.push(current)
  return lines
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export interface JsonStyle {
  /** The literal for a string. */
  string(text: string): string
  /** Keys in an object literal; defaults to `string`. */
  key?(name: string): string
  keyValue: (key: string, value: string) => string
  open: (value: Record<string, unknown> | unknown[]) => [open: string, close: string]
  null: string
  true: string
  false: string
  /** One level of indentation. */
  step: string
  /** Separator after the last item, e.g. ",". */
  trailing: string
}

/** The brackets most styles open and close lists and objects with, shared rather than rebuilt. */
export const BRACKETS: [string, string] = ['[', ']']
export const BRACES: [string, string] = ['{', '}']

/** Prints a JSON value as a multi-line native literal in the given style. */
export function printJson(value: unknown, style: JsonStyle, indent: string): string {
  if (value === null) return style.null
  if (value === true) return style.true
  if (value === false) return style.false
  if (typeof value === 'number') return jsonNumber(value)
  if (typeof value === 'string') return style.string(value)
  if (!Array.isArray(value) && !isPlainObject(value)) throw new Error(`not a JSON value: ${String(value)}`)

  const [open, close] = style.open(value)
  const inner = indent + style.step
  // Appended in one loop: arrays of items, mapped and joined, cost more than the text itself.
  let items = ''
  if (Array.isArray(value)) {
    for (const item of value) items += `${items ? ',\n' : ''}${inner}${printJson(item, style, inner)}`
  } else {
    const key = style.key ?? style.string
    for (const name of Object.keys(value)) {
      const printed = style.keyValue(key(name), printJson(value[name], style, inner))
      items += `${items ? ',\n' : ''}${inner}${printed}`
    }
  }
  if (items === '') return open + close
  return `${open}\n${items}${style.trailing}\n${indent}${close}`
}

function jsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a JSON number: ${n}`)
  return JSON.stringify(n)
}
