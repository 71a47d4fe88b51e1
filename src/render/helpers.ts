/**
 * The template helpers, as plain functions of their arguments. Both engines call these same
 * functions: the Handlebars runtime through thin adapters (engine.ts), compiled templates
 * directly (compiler/), so the two cannot drift apart in what they print.
 */
import { PolysnipError } from '../errors.ts'
import { SpecJson, SpecText } from './context.ts'
import type { Escaper } from './escapers/index.ts'

export interface Helpers {
  /** A string literal in the target language. */
  str(value: unknown): string
  /** A readable literal for long text (raw strings where the language has them). */
  text(value: unknown): string
  /** Line comments. */
  comment(value: unknown): string
  /** A native literal of a JSON value, indented by `indent` spaces (the `indent=` hash). */
  json(value: unknown, indent: unknown): string
  /** Joins strings and spec text into one spec text, e.g. for a `Name: value` header line. */
  concat(parts: unknown[]): SpecText
  /** A reference to an environment variable in a shell word, e.g. `${API_KEY}`. */
  envRef(value: unknown): string
  eq(a: unknown, b: unknown): boolean
  or(parts: unknown[]): boolean
  and(parts: unknown[]): boolean
}

/** The helper names templates may call, besides Handlebars' own block helpers. */
export const HELPER_NAMES = ['str', 'text', 'comment', 'json', 'concat', 'envRef', 'eq', 'or', 'and']

function expectText(helper: string, value: unknown): string {
  if (value instanceof SpecText) return value.value
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  throw new PolysnipError(`{{${helper}}} needs a string, got ${value === null ? 'null' : typeof value}`, {
    hint: `guard optional fields with {{#if …}} before {{${helper} …}}`,
  })
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function bindHelpers(escaper: Escaper): Helpers {
  return {
    str: (value) =>
      value instanceof SpecText ? escaper.string(value.value, value) : escaper.string(expectText('str', value)),
    text: (value) => {
      const text = expectText('text', value)
      return escaper.raw?.(text) ?? escaper.string(text)
    },
    comment: (value) =>
      value instanceof SpecText ? escaper.comment(value.value, value) : escaper.comment(expectText('comment', value)),
    json: (value, indent) => {
      if (!(value instanceof SpecJson)) throw new PolysnipError('{{json}} needs request.body.json')
      if (!escaper.json) throw new PolysnipError('this language has no native JSON literal')
      return escaper.json(value.value, ' '.repeat(Number(indent ?? 0)))
    },
    concat: (parts) => {
      let joined = ''
      for (const part of parts) joined += expectText('concat', part)
      return new SpecText(joined)
    },
    envRef: (value) => {
      const name = expectText('envRef', value)
      if (!ENV_NAME.test(name)) throw new PolysnipError(`"${name}" is not an environment variable name`)
      return `\${${name}}`
    },
    eq: (a, b) => a === b,
    or: (parts) => parts.some(Boolean),
    and: (parts) => parts.every(Boolean),
  }
}
