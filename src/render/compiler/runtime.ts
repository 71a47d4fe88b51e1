/**
 * What compiled templates call while they run: Handlebars' lookup and truthiness rules, as
 * `noEscape` + `strict` templates see them. Where a value falls outside what is modelled here (a
 * function, an inherited property, a missing strict field, an `#each` item that is null), the
 * compiled template stops with `Fallback` and the caller renders the same context with the
 * Handlebars runtime, so odd cases, and every error, come from Handlebars itself.
 */

export {
  BREAKS_BY_COUNT, TIDY_END, TIDY_START, UNTIDY, advance, afterBreaks, breaksToWrite, isTidy, tidy,
} from '../tidy.ts'

/** Thrown to hand a render over to the Handlebars runtime; never reaches a user. */
export class Fallback extends Error {}

// One instance: a fallback is control flow, and capturing a stack trace each time is waste.
const FALLBACK = new Fallback('compiled template handed over to the Handlebars runtime')

export function fallback(): never {
  throw FALLBACK
}

type Bag = Record<string, unknown>

/**
 * Handlebars' `lookupProperty`: own properties only. It reads an inherited one as undefined (and
 * logs a warning once), and calls a function it finds; both are left to Handlebars.
 */
export function get(parent: unknown, name: string): unknown {
  return own(parent, name, (parent as Bag)[name])
}

/** `get`, given the value already read (`parent[name]`). */
export function own(parent: unknown, name: string, value: unknown): unknown {
  if (value == null) return value
  if (typeof value !== 'function' && Object.hasOwn(parent as object, name)) return value
  return fallback()
}

/** A field of plain data, read directly: only a function is left to Handlebars, which calls it. */
export function data(value: unknown): unknown {
  return typeof value === 'function' ? fallback() : value
}

/** A strict lookup (the last field of a path printed by a mustache): missing is an error. */
export function strict(parent: unknown, name: string): unknown {
  if (!parent || typeof parent !== 'object' || !(name in parent)) fallback()
  return get(parent, name)
}

/** A context used as a value (`this`, `../this`): Handlebars would call a function. */
export function value(current: unknown): unknown {
  return typeof current === 'function' ? fallback() : current
}

/** An `#each` item becomes the context; null would make Handlebars use its null context. */
export function item(current: unknown): unknown {
  return current == null || typeof current === 'function' ? fallback() : current
}

/** Handlebars' `isEmpty`: what `#with` skips and `#if` treats as false even with includeZero. */
export function isEmpty(current: unknown): boolean {
  return (!current && current !== 0) || (Array.isArray(current) && current.length === 0)
}

/** Whether `#if` renders its first branch (and `#unless` its `{{else}}`). */
export function truthy(current: unknown, includeZero: unknown): boolean {
  if (typeof current === 'function') fallback()
  if (!includeZero && !current) return false
  return !isEmpty(current)
}

/**
 * Handlebars' context stack for `../`: a block that changes the context pushes it, unless it is
 * loosely equal to the current one (the runtime compares with `!=`, and so does this).
 */
export function deeper(context: unknown, depths: unknown[]): unknown[] {
  // eslint-disable-next-line eqeqeq
  return context != depths[0] ? [context].concat(depths) : depths
}

/** The keys `#each` walks: an array's indices, a plain object's own keys, else nothing. */
export function eachKeys(list: unknown): string[] | null {
  if (!list || typeof list !== 'object' || Array.isArray(list)) return null
  // Handlebars copies other iterables (Map, Set) into an array first: not modelled.
  if (Symbol.iterator in list) fallback()
  return Object.keys(list)
}
