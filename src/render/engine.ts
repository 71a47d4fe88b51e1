/**
 * Handlebars, compiled once per target with `noEscape` (HTML escaping would corrupt code) and
 * `strict` (a misspelt field is an error, not an empty string). The helpers are the only way
 * spec text reaches the output, each bound to the target's literal escaper. Templates run as
 * plain JavaScript functions compiled from the same parse tree (compiler/), with the Handlebars
 * runtime as the reference they fall back to.
 */
import { readFileSync } from 'node:fs'
import Handlebars from 'handlebars'
import { PolysnipError } from '../errors.ts'
import { compileTemplate } from './compiler/compile.ts'
import { escapers } from './escapers/index.ts'
import { bindHelpers, type Helpers } from './helpers.ts'
import type { Target } from './targets.ts'
import { tidy } from './tidy.ts'

/**
 * Renders a context; with `tidied`, the text as tidy() leaves it (compiled templates often know
 * it is). `plain`: the context holds only plain data (see isPlainContext in context.ts).
 */
export type CompiledTemplate = (context: object, tidied?: boolean, plain?: boolean) => string

type Options = Handlebars.HelperOptions

/** The shared helpers in Handlebars' calling convention (options last, hash inside it). */
function handlebarsHelpers(h: Helpers): Record<string, Handlebars.HelperDelegate> {
  const params = (args: unknown[]) => args.slice(0, -1)
  return {
    str: (value: unknown) => h.str(value),
    text: (value: unknown) => h.text(value),
    comment: (value: unknown) => h.comment(value),
    json: (value: unknown, options?: Options) => h.json(value, options?.hash.indent),
    concat: (...args: unknown[]) => h.concat(params(args)),
    envRef: (value: unknown) => h.envRef(value),
    eq: (a: unknown, b: unknown) => h.eq(a, b),
    or: (...args: unknown[]) => h.or(params(args)),
    and: (...args: unknown[]) => h.and(params(args)),
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
 * Precompiled template sources by template text. Precompiling dominates rendering a few specs:
 * the build precompiles the built-in templates (scripts/build-lib.mjs), and the generation cache
 * saves the others and hands them back (see src/emit/cache.ts).
 */
export const precompiledSources = new Map<string, string>(builtInSources())

/**
 * What the build wrote beside the bundle that holds this code, when it was made by this
 * Handlebars with these options; nothing when running from the sources.
 */
function builtInSources(): Array<[string, string]> {
  let built: { handlebars?: unknown; options?: Record<string, unknown>; sources?: unknown }
  try {
    built = JSON.parse(readFileSync(new URL('./templates.json', import.meta.url), 'utf8')) as typeof built
  } catch {
    return []
  }
  const same =
    built.handlebars === Handlebars.VERSION &&
    Object.entries(OPTIONS).every(([name, value]) => built.options?.[name] === value) &&
    Object.keys(built.options ?? {}).length === Object.keys(OPTIONS).length
  const sources = Object.entries((built.sources ?? {}) as Record<string, unknown>)
  return same ? sources.filter((e): e is [string, string] => typeof e[1] === 'string') : []
}

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

/**
 * Renders through the Handlebars runtime first: compiling a template (parsing it again, then
 * generating its function) costs about what a hundred runtime renders save, which a run over a
 * few specs never earns back. A template that keeps rendering is compiled after that many.
 */
export const RUNTIME_RENDERS = 100

function compile(target: Target): CompiledTemplate {
  const { runtime, helpers } = runtimeTemplate(target)
  let renders = 0
  let current: CompiledTemplate = (context, tidied) => {
    if (++renders >= RUNTIME_RENDERS) current = fastest(target, helpers, runtime)
    return runtime(context, tidied)
  }
  return (context, tidied, plain) => current(context, tidied, plain)
}

function fastest(target: Target, helpers: Helpers, runtime: CompiledTemplate): CompiledTemplate {
  try {
    const compiled = compileTemplate(target.template, helpers)
    return compiled.render ? withFallback(compiled.render, runtime) : runtime
  } catch (cause) {
    throw templateError(target, cause)
  }
}

/** A target's template both ways: the Handlebars runtime, and compiled (null when declined). */
export interface TemplatePair {
  runtime: CompiledTemplate
  compiled: CompiledTemplate | null
  /** Why the compiler left this template to the runtime. */
  declined: string | undefined
}

/** Builds both forms of a target's template at once, for tests that compare them. */
export function buildTemplates(target: Target): TemplatePair {
  const { runtime, helpers } = runtimeTemplate(target)
  const compiled = compileTemplate(target.template, helpers)
  return { runtime, compiled: compiled.render ?? null, declined: compiled.declined }
}

/** The Handlebars runtime's template, and the helpers it calls (the compiled form calls them too). */
function runtimeTemplate(target: Target): { runtime: CompiledTemplate; helpers: Helpers } {
  const hb = Handlebars.create()
  const helpers = bindHelpers(escapers[target.escaper])
  const bound = Object.entries(handlebarsHelpers(helpers))
  hb.registerHelper(Object.fromEntries(bound.map(([name, fn]) => [name, withLine(fn)])))
  try {
    // Precompiling parses eagerly, so syntax errors surface at load time; evaluating its output
    // as Handlebars' own compile() would avoids compiling every template a second time, which
    // was a third of a cold `polysnip gen`.
    const source =
      precompiledSources.get(target.template) ?? String(hb.precompile(target.template, { ...OPTIONS }))
    precompiledSources.set(target.template, source)
    const spec = new Function(`return ${source}`)() as Parameters<typeof hb.template>[0]
    const template = hb.template(spec)
    return { runtime: (context, tidied) => (tidied ? tidy(template(context)) : template(context)), helpers }
  } catch (cause) {
    throw templateError(target, cause)
  }
}

/**
 * The compiled function, and the Handlebars runtime whenever it throws: a case it leaves to
 * Handlebars, or an error, which the runtime then raises itself, with its own message and line.
 */
function withFallback(compiled: CompiledTemplate, runtime: CompiledTemplate): CompiledTemplate {
  return (context, tidied, plain) => {
    try {
      return compiled(context, tidied, plain)
    } catch {
      return runtime(context, tidied)
    }
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
