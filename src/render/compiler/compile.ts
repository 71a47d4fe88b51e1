/**
 * Compiles a template to one plain JavaScript function: it appends the template's text and
 * calls the target's helpers directly, without Handlebars' per-call set-up. The input is
 * Handlebars' own parse tree (`Handlebars.parse`, which has already applied standalone lines and
 * `~`), so the text between tags is exactly what Handlebars prints.
 *
 * Only the part of the language polysnip's templates use is compiled: text, comments, paths,
 * the polysnip helpers (also in subexpressions, `indent=` on json), and `#if`/`#unless`/
 * `#each`/`#with` with `{{else}}` chains. Anything else (partials, decorators, block params,
 * unknown helpers, other hashes) is declined, and the target keeps the Handlebars runtime.
 */
import Handlebars from 'handlebars'
import type { Helpers } from '../helpers.ts'
import { HELPER_NAMES } from '../helpers.ts'
import { SpecJson, SpecText } from '../context.ts'
import * as runtime from './runtime.ts'
import { RawWriter, TidyWriter, type Writer } from './writer.ts'

type Node = hbs.AST.Node
type Program = hbs.AST.Program
type Path = hbs.AST.PathExpression
type Hash = hbs.AST.Hash | undefined

/**
 * With `tidied`, returns what tidy() makes of the text; it runs tidy() only when it must. With
 * `plain`, the caller vouches that the context holds only plain data (see `plainName`), so that
 * most lookups read the field without checking that it is the object's own.
 */
export type CompiledRender = (context: object, tidied?: boolean, plain?: boolean) => string

export type Compiled = { render: CompiledRender; declined?: never } | { render?: never; declined: string }

class Declined extends Error {}

function decline(why: string): never {
  throw new Declined(why)
}

/** Handlebars' own helpers: a bare `{{name}}` with one of these names calls the helper. */
const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']
const HELPER = new Set(HELPER_NAMES)
const ANY_HELPER = new Set([...HELPER_NAMES, ...BUILT_IN])
/** The helpers that print an escaped literal or comment (see Writer.literal). */
const LITERALS = new Set(['str', 'text', 'comment', 'json', 'envRef'])
const DATA = new Set(['root', 'index', 'key', 'first', 'last'])

/** The loop variables of the innermost `#each`, as JavaScript expressions. */
interface Frame {
  index: string
  key: string
  first: string
  last: string
}

interface Scope {
  /** The current context (what `this` is). */
  context: string
  /** Handlebars' stack of contexts for `../`; only kept when the template uses `../`. */
  depths: string | null
  frame: Frame | null
  /**
   * Variables holding lookups already made in this context, by path. Handlebars looks a path up
   * again at each use; the values cannot differ within one render (nothing writes to the
   * context), and repeated lookups were a tenth of a render.
   */
  memo: Map<string, string>
}

/** Declares a scope's lookup variables (after its body is generated, when they are known). */
function declare(scope: Scope, body: string): string {
  return scope.memo.size > 0 ? `let ${[...scope.memo.values()].join(', ')}\n${body}` : body
}

/** Handlebars' test for a path that may name a helper: one part, no `this`, `./` or `../`. */
function isSimple(path: Path): boolean {
  return path.parts.length === 1 && !/^\.|this\b/.test(path.original) && !path.depth
}

function pairs(hash: Hash): hbs.AST.HashPair[] {
  return hash?.pairs ?? []
}

/** Compiles `template`, or says why it is left to the Handlebars runtime. */
export function compileTemplate(template: string, helpers: Helpers): Compiled {
  try {
    const ast = Handlebars.parse(template)
    const depths = usesDepths(ast)
    // Three functions from one tree: the text as Handlebars prints it, as tidy() leaves it, and
    // the same for plain data (what renderSnippet passes), with fewer checks on each lookup.
    const tidyResult = 'r.isTidy(z, o) ? o : r.tidy(o)'
    const source = [
      `const raw = ${render(ast, new Generator(depths, new RawWriter(), false), "''")}`,
      `const tidied = ${render(ast, new Generator(depths, new TidyWriter(), false), tidyResult)}`,
      `const plainTidied = ${render(ast, new Generator(depths, new TidyWriter(), true), tidyResult)}`,
      'return function compiledTemplate(c, tidy, plain) {',
      "  if (c === null || typeof c !== 'object') r.fallback()",
      '  return tidy ? (plain ? plainTidied(c) : tidied(c)) : raw(c)',
      '}',
    ].join('\n')
    const make = new Function('r', 'h', source) as (r: typeof runtime, h: Helpers) => CompiledRender
    return { render: make(runtime, helpers) }
  } catch (e) {
    if (e instanceof Declined) return { declined: e.message }
    throw e
  }
}

/** One render function's source; `result` is the expression it returns. */
function render(ast: Program, generator: Generator, result: string): string {
  const scope = { context: 'c', depths: generator.depths ? 'd' : null, frame: null, memo: new Map() }
  const body = generator.program(ast, scope)
  return [
    'function (c) {',
    generator.depths ? '  const d = [c]' : '',
    // o: the text; z: its tidy state (see TidyState); t: the value printed last.
    "  let o = '', z = r.TIDY_START, t = ''",
    generator.temps.length > 0 ? `  let ${generator.temps.join(', ')}` : '',
    declare(scope, body),
    `  return ${result === "''" ? 'o' : result}`,
    '}',
  ].join('\n')
}

/**
 * Whether a field of plain data can be read directly, as Handlebars reads own properties only:
 * the name of no inherited property of the objects a plain context is made of (plain objects
 * and arrays, strings, numbers, booleans, spec text and JSON). Reading another name of such an
 * object gives its own property, or undefined as Handlebars does.
 */
function plainName(name: string): boolean {
  return !PROTOTYPES.some((prototype) => name in prototype)
}

const PROTOTYPES: object[] = [
  Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype,
  SpecText.prototype, SpecJson.prototype,
]

/** Whether any path climbs to a parent context (`../`), which needs the context stack. */
function usesDepths(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false
  const { type, depth, data } = node as Path
  if (type === 'PathExpression' && depth > 0 && !data) return true
  return Object.values(node).some((child) => usesDepths(child))
}

class Generator {
  private count = 0
  /** Variables `lookup` holds parents in, declared at the top of the function. */
  readonly temps: string[] = []

  constructor(
    readonly depths: boolean,
    private readonly out: Writer,
    /** Whether the context is plain data (see `plainName`). */
    private readonly plain: boolean,
  ) {}

  private fresh(prefix: string): string {
    return `${prefix}${this.count++}`
  }

  program(program: Program | undefined, scope: Scope): string {
    if (!program) return ''
    if (program.blockParams?.length) decline('block parameters (as |x|)')
    return program.body.map((node) => this.statement(node, scope)).join('\n')
  }

  private statement(node: Node, scope: Scope): string {
    switch (node.type) {
      case 'ContentStatement': {
        const { value } = node as hbs.AST.ContentStatement
        return value ? this.out.text(value) : ''
      }
      case 'CommentStatement':
        return ''
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement
        const expression = this.mustache(mustache, scope)
        const called = mustache.params.length > 0 || pairs(mustache.hash).length > 0
        const name = (mustache.path as Path).parts[0] ?? ''
        return called && LITERALS.has(name) ? this.out.literal(expression) : this.out.value(expression)
      }
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scope)
      default:
        return decline(`${node.type} is not compiled`)
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, scope: Scope): string {
    if (node.path.type !== 'PathExpression') decline('a literal as a mustache')
    const path = node.path as Path
    if (node.params.length > 0 || pairs(node.hash).length > 0) {
      return this.call(path, node.params, node.hash, scope)
    }
    const name = path.parts[0] ?? ''
    if (isSimple(path) && ANY_HELPER.has(name)) decline(`{{${path.original}}} calls a helper bare`)
    return this.path(path, scope, true)
  }

  /** A call of a polysnip helper; its arguments are read without the strict rule. */
  private call(path: Path, params: Node[], hash: Hash, scope: Scope): string {
    const name = path.parts[0] ?? ''
    if (path.data || !isSimple(path) || !HELPER.has(name)) decline(`unknown helper ${path.original}`)
    const args = params.map((p) => this.expression(p, scope))
    const extra = pairs(hash)
    const indent = extra.find((p) => p.key === 'indent')
    if (extra.length > (name === 'json' && indent ? 1 : 0)) decline(`a hash on {{${name}}}`)

    if (name === 'concat' || name === 'or' || name === 'and') return `h.${name}([${args.join(', ')}])`
    if (name === 'eq') {
      return args.length === 2 ? `(${args[0]}) === (${args[1]})` : decline('eq takes 2 arguments')
    }
    if (args.length !== 1) decline(`{{${name}}} takes 1 argument`)
    if (name === 'json') {
      const spaces = indent ? this.expression(indent.value, scope) : 'undefined'
      return `h.json(${args[0]}, ${spaces})`
    }
    return `h.${name}(${args[0]})`
  }

  private expression(node: Node, scope: Scope): string {
    switch (node.type) {
      case 'PathExpression':
        return this.path(node as Path, scope, false)
      case 'SubExpression': {
        const { path, params, hash } = node as hbs.AST.SubExpression
        if (params.length === 0 && pairs(hash).length === 0) decline('a subexpression without arguments')
        return this.call(path, params, hash, scope)
      }
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return `(${JSON.stringify((node as hbs.AST.StringLiteral).value)})`
      case 'UndefinedLiteral':
        return 'undefined'
      case 'NullLiteral':
        return 'null'
      default:
        return decline(`${node.type} as an argument`)
    }
  }

  /**
   * A path. In a mustache the last field must exist (`strict`), as Handlebars' strict mode
   * requires; as a helper or block argument it may be missing and reads as undefined.
   */
  private path(path: Path, scope: Scope, strictLast: boolean): string {
    let value: string
    let parts = path.parts
    if (path.data) {
      const [name = '', ...rest] = parts
      if (path.depth || !DATA.has(name)) decline(`@${path.original} is not compiled`)
      parts = rest
      if (name === 'root') value = 'c'
      else if (scope.frame) value = scope.frame[name as keyof Frame]
      else if (strictLast && rest.length === 0) return 'r.fallback()'
      else value = 'undefined'
      if (parts.length === 0) return value
    } else {
      value = path.depth ? `${scope.depths}[${path.depth}]` : scope.context
      if (parts.length === 0) return `r.value(${value})`
    }
    const memo = !path.data && !path.depth
    parts.forEach((part, i) => {
      const name = JSON.stringify(part)
      if (strictLast && i === parts.length - 1) {
        value = `r.strict(${value}, ${name})`
      } else if (memo) {
        const key = JSON.stringify(parts.slice(0, i + 1))
        const known = scope.memo.get(key) ?? this.fresh('v')
        scope.memo.set(key, known)
        value = `(${known} ??= ${this.lookup(value, name)})`
      } else {
        value = this.lookup(value, name)
      }
    })
    return value
  }

  /**
   * `r.get` of a field, as `r.own` with the read itself here: each place in the template then has its own
   * property cache, where one shared `parent[name]` in r.get saw every shape and name. In plain
   * data most names need no `own` check (`plainName`): it was an eighth of a render.
   */
  private lookup(parent: string, name: string): string {
    if (this.plain && plainName(JSON.parse(name) as string)) return `r.data(${parent}[${name}])`
    const held = this.fresh('g')
    this.temps.push(held)
    return `r.own(${held} = ${parent}, ${name}, ${held}[${name}])`
  }

  private block(node: hbs.AST.BlockStatement, scope: Scope): string {
    const { path, params, program, inverse } = node
    const name = path.parts[0] ?? ''
    if (path.data || !isSimple(path)) decline('a block that is not a helper')
    if (!['if', 'unless', 'each', 'with'].includes(name)) decline(`the block helper #${name}`)
    if (params.length !== 1) decline(`#${name} with ${params.length} arguments`)
    const hash = pairs(node.hash)
    const includeZero = hash.find((p) => p.key === 'includeZero')
    const allowed = includeZero && (name === 'if' || name === 'unless') ? 1 : 0
    if (hash.length > allowed) decline(`a hash on #${name}`)

    const subject = this.expression(params[0] as Node, scope)
    const [yes, no] = name === 'unless' ? [inverse, program] : [program, inverse]
    if (name === 'if' || name === 'unless') {
      const zero = includeZero ? this.expression(includeZero.value, scope) : 'false'
      const [then, otherwise] = this.branches(() => this.program(yes, scope), () => this.program(no, scope))
      return `if (r.truthy(${subject}, ${zero})) {\n${then}\n} else {\n${otherwise}\n}`
    }
    if (name === 'with') {
      const context = this.fresh('w')
      const inner = this.enter(context, scope, scope.frame)
      const [body, otherwise] = this.branches(
        () => declare(inner.scope, this.program(program, inner.scope)),
        () => this.program(inverse, scope),
      )
      return [
        `{ const ${context} = r.value(${subject})`,
        `if (!r.isEmpty(${context})) {`,
        inner.setup,
        body,
        `} else {\n${otherwise}\n} }`,
      ].join('\n')
    }
    return this.each(subject, program, inverse, scope)
  }

  /** `#each` over an array (holes skipped) or a plain object's own keys, as Handlebars does. */
  private each(subject: string, program: Program | undefined, inverse: Program | undefined, scope: Scope) {
    const [list, keys, n, i, key, context] = ['l', 'k', 'n', 'i', 'y', 'e'].map((p) => this.fresh(p)) as [
      string, string, string, string, string, string,
    ]
    const frame = { index: i, key, first: `(${i} === 0)`, last: `(${i} === ${n} - 1)` }
    const inner = this.enter(context, scope, frame)
    // An item follows the text before the loop or the previous item.
    const before = this.out.known
    this.out.known = null
    const body = declare(inner.scope, this.program(program, inner.scope))
    this.out.known = before
    const otherwise = this.program(inverse, scope)
    this.out.known = null
    return [
      `{ const ${list} = r.value(${subject}); const ${keys} = r.eachKeys(${list})`,
      `const ${n} = ${keys} ? ${keys}.length : Array.isArray(${list}) ? ${list}.length : 0`,
      `for (let ${i} = 0; ${i} < ${n}; ${i}++) {`,
      `if (!${keys} && !(${i} in ${list})) continue`,
      `const ${key} = ${keys} ? ${keys}[${i}] : ${i}`,
      `const ${context} = r.item(${list}[${key}])`,
      inner.setup,
      body,
      '}',
      `if (${n} === 0) {\n${otherwise}\n} }`,
    ].join('\n')
  }

  /**
   * Code for the branches of a block, each starting from the text before it: what the writer
   * knows after the block is what all of them end with, if they agree.
   */
  private branches(...branches: Array<() => string>): string[] {
    const before = this.out.known
    const ends = new Set<number | null>()
    const code = branches.map((branch) => {
      this.out.known = before
      const text = branch()
      ends.add(this.out.known)
      return text
    })
    this.out.known = ends.size === 1 ? ([...ends][0] ?? null) : null
    return code
  }

  /** A block that changes the context (`#each`, `#with`): the new scope, and the stack push. */
  private enter(context: string, scope: Scope, frame: Frame | null): { scope: Scope; setup: string } {
    if (!scope.depths) return { scope: { context, depths: null, frame, memo: new Map() }, setup: '' }
    const depths = this.fresh('d')
    return {
      scope: { context, depths, frame, memo: new Map() },
      setup: `const ${depths} = r.deeper(${context}, ${scope.depths})`,
    }
  }
}
