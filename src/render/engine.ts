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

/**
 * Adds the template line to errors a helper throws: Handlebars passes each helper its call site
 * (`options.loc`), so a bad argument is reported where the template uses it.
 */
function withLine(helper: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return (helper as (...a: unknown[]) => unknown).apply(this, args)
    } catch (e) {
      const loc = (args.at(-1) as { loc?: { start: { line: number; column: number } } } | undefined)?.loc
      if (!(e instanceof PolysnipError) || !loc || e.place.line) throw e
      throw new PolysnipError(e.message, { line: loc.start.line, column: loc.start.column + 1, hint: e.hint, cause: e })
    }
  }
}

const cache = new Map<string, CompiledTemplate>()

// Building the text key (the whole template) on every render cost more than some renders, so
// each target object remembers its template; the text key still serves equal copies.
type TemplateKey = Pick<Target, 'id' | 'escaper' | 'template'>
const byTarget = new WeakMap<Target, { key: TemplateKey; compiled: CompiledTemplate }>()

const OPTIONS = { noEscape: true, strict: true }

/**
 * Precompiled template sources by template text. Precompiling dominates rendering a few specs,
 * so the generation cache saves these and hands them back (see src/emit/cache.ts).
 */
export const precompiledSources = new Map<string, string>()

/** Compiles (once, by target id and template text) a target's template. */
export function compileTarget(target: Target): CompiledTemplate {
  const known = byTarget.get(target)
  const { id, escaper, template } = target
  const same = known?.key.template === template && known.key.id === id && known.key.escaper === escaper
  if (known && same) return known.compiled

  const key = `${id}\0${escaper}\0${template}`
  let compiled = cache.get(key)
  if (!compiled) {
    compiled = compile(target)
    cache.set(key, compiled)
  }
  byTarget.set(target, { key: { id, escaper, template }, compiled })
  return compiled
}

function compile(target: Target): CompiledTemplate {
  const hb = Handlebars.create()
  const bound = Object.entries(helpers(escapers[target.escaper]))
  hb.registerHelper(Object.fromEntries(bound.map(([name, fn]) => [name, withLine(fn)])))
  try {
    // Precompiling parses eagerly, so syntax errors surface at load time; evaluating its output
    // as Handlebars' own compile() would avoids compiling every template a second time, which
    // was a third of a cold `polysnip gen`.
    const source = precompiledSources.get(target.template) ?? String(hb.precompile(target.template, OPTIONS))
    precompiledSources.set(target.template, source)
    const spec = new Function(`return ${source}`)() as Parameters<typeof hb.template>[0]
    const template = hb.template(spec)
    return (context) => template(context)
  } catch (cause) {
    throw templateError(target, cause)
  }
}

/** Wraps a Handlebars failure with the target, template file and (when known) line. */
export function templateError(target: Target, cause: unknown): PolysnipError {
  if (cause instanceof PolysnipError && cause.place.file) return cause
  const message = cause instanceof Error ? cause.message : String(cause)
  const fromHelper = cause instanceof PolysnipError ? cause.place.line : undefined
  const line = fromHelper ?? /line (\d+)|- (\d+):\d+$/.exec(message)?.slice(1).find(Boolean)
  const hint =
    cause instanceof PolysnipError && cause.hint
      ? cause.hint
      : 'check the template syntax and the fields it uses (README: "Template context")'
  // Handlebars puts the parser's expectation on the last line of a parse error, and names the
  // context object in strict-mode errors; keep what helps a template author.
  const lines = message.split('\n')
  const summary = (lines.length > 1 ? `${lines[0]} ${lines.at(-1)}` : message)
    .replace(/ in \[object Object\]/, '')
  return new PolysnipError(`target "${target.id}": template failed: ${summary}`, {
    file: target.templateFile,
    line: line === undefined ? undefined : Number(line),
    column: cause instanceof PolysnipError ? cause.place.column : undefined,
    hint,
    cause,
  })
}
