/**
 * Handlebars, compiled once per target with `noEscape` (HTML escaping would corrupt code) and
 * `strict` (a misspelt field is an error, not an empty string). The helpers are the only way
 * spec text reaches the output, each bound to the target's literal escaper.
 */
import Handlebars from 'handlebars'
import { PolysnipError } from '../errors.ts'
import { SpecJson, SpecText } from './context.ts'
import { escapers, type Escaper } from './escapers/index.ts'
import type { Target } from './targets.ts'

export type CompiledTemplate = (context: object) => string

function expectText(helper: string, value: unknown): string {
  if (value instanceof SpecText) return value.value
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  throw new PolysnipError(`{{${helper}}} needs a string, got ${value === null ? 'null' : typeof value}`, {
    hint: `guard optional fields with {{#if …}} before {{${helper} …}}`,
  })
}

function helpers(escaper: Escaper): Record<string, Handlebars.HelperDelegate> {
  return {
    /** A string literal in the target language. */
    str: (value: unknown) => escaper.string(expectText('str', value)),
    /** A readable literal for long text (raw strings where the language has them). */
    text: (value: unknown) => {
      const text = expectText('text', value)
      return escaper.raw?.(text) ?? escaper.string(text)
    },
    /** Line comments. */
    comment: (value: unknown) => escaper.comment(expectText('comment', value)),
    /** A native literal of a JSON value, indented to `indent` (a number of spaces). */
    json: (value: unknown, options: Handlebars.HelperOptions) => {
      if (!(value instanceof SpecJson)) throw new PolysnipError('{{json}} needs request.body.json')
      if (!escaper.json) throw new PolysnipError('this language has no native JSON literal')
      const indent = ' '.repeat(Number(options.hash.indent ?? 0))
      return escaper.json(value.value, indent)
    },
    /** Joins strings and spec text into one spec text, e.g. for a `Name: value` header line. */
    concat: (...args: unknown[]) =>
      new SpecText(args.slice(0, -1).map((a) => expectText('concat', a)).join('')),
    /** A reference to an environment variable in a shell word, e.g. `${API_KEY}`. */
    envRef: (value: unknown) => {
      const name = expectText('envRef', value)
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw new PolysnipError(`"${name}" is not an environment variable name`)
      }
      return `\${${name}}`
    },
    eq: (a: unknown, b: unknown) => a === b,
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  }
}

const cache = new Map<string, CompiledTemplate>()

/** Compiles (once, by target id and template text) a target's template. */
export function compileTarget(target: Target): CompiledTemplate {
  const key = `${target.id}\0${target.escaper}\0${target.template}`
  const cached = cache.get(key)
  if (cached) return cached

  const hb = Handlebars.create()
  hb.registerHelper(helpers(escapers[target.escaper]))
  let compiled: CompiledTemplate
  try {
    const template = hb.compile(target.template, { noEscape: true, strict: true })
    // Handlebars compiles lazily; precompiling here surfaces syntax errors at load time.
    hb.precompile(target.template, { noEscape: true, strict: true })
    compiled = (context) => template(context)
  } catch (cause) {
    throw templateError(target, cause)
  }
  cache.set(key, compiled)
  return compiled
}

/** Wraps a Handlebars failure with the target, template file and (when known) line. */
export function templateError(target: Target, cause: unknown): PolysnipError {
  if (cause instanceof PolysnipError && cause.place.file) return cause
  const message = cause instanceof Error ? cause.message : String(cause)
  const line = /line (\d+)/.exec(message)?.[1] ?? (cause as { lineNumber?: number }).lineNumber
  const hint =
    cause instanceof PolysnipError && cause.hint
      ? cause.hint
      : 'check the template syntax and the fields it uses (README: "Template context")'
  return new PolysnipError(`target "${target.id}": template failed: ${message.split('\n')[0]}`, {
    file: target.templateFile,
    line: line === undefined ? undefined : Number(line),
    hint,
    cause,
  })
}
