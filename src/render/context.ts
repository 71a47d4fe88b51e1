/**
 * The data a template sees. Spec text is wrapped in `SpecText` (and JSON in `SpecJson`), which
 * refuses to turn into a string: printing `{{spec.title}}` throws, so a template can only emit
 * spec text through an escaping helper such as `{{str spec.title}}`.
 */
import { PolysnipError } from '../errors.ts'
import { credentialText, type Credential, type Spec } from '../spec/model.ts'
import type { TextCache } from './escapers/escaper.ts'

const RAW_HINT =
  'print spec text through a helper: {{str x}} for a string literal, {{comment x}} for a comment'

export class SpecText implements TextCache {
  // What escapers worked out for this text, for the next target (see TextCache).
  commentLines?: readonly string[] | null
  quoted?: string | null
  singleQuoted?: string | null

  constructor(readonly value: string) {}

  [Symbol.toPrimitive](): never {
    throw new PolysnipError(`spec text "${this.value}" was printed without an escaper`, { hint: RAW_HINT })
  }
}

export class SpecJson {
  constructor(readonly value: unknown) {}

  [Symbol.toPrimitive](): never {
    throw new PolysnipError('a JSON value was printed without an escaper', {
      hint: 'use {{json x}} for a native literal, or {{str request.body.text}} for the JSON text',
    })
  }
}

export interface CredentialContext {
  /** True when the program reads the value from an environment variable. */
  isEnv: boolean
  /** The literal value (inline mode), else null. */
  value: SpecText | null
  /** The environment variable name (env mode), else null. */
  env: SpecText | null
  /** What readers see: the literal, or the placeholder text. */
  placeholder: SpecText
}

export interface TemplateContext {
  /** The target being rendered (from its target.json). */
  target: { id: string; label: string; file: string; command: SpecText }
  spec: { id: SpecText; title: SpecText; description: SpecText | null }
  request: {
    /** `GET`, `POST`, … (a fixed set, safe to print). */
    method: string
    /** `Get`, `Post`, …: for APIs such as Go's `http.MethodGet`. */
    methodTitle: string
    baseUrl: SpecText
    /** Path and percent-encoded query. */
    path: SpecText
    headers: Array<{ name: SpecText; value: SpecText }>
    /** The headers but Content-Type, for clients that set it on the body (C#). */
    otherHeaders: Array<{ name: SpecText; value: SpecText }>
    /** The Content-Type header's value when there is a body, else null. */
    contentType: SpecText | null
    body: { json: SpecJson; text: SpecText } | null
  }
  auth: { username: CredentialContext; password: CredentialContext; usesEnv: boolean }
  expect: { status: number }
}

function credential(c: Credential): CredentialContext {
  return {
    isEnv: c.kind === 'env',
    value: c.kind === 'literal' ? new SpecText(c.value) : null,
    env: c.kind === 'env' ? new SpecText(c.env) : null,
    placeholder: new SpecText(credentialText(c)),
  }
}

export interface ContextTarget {
  id: string
  label: string
  file: string
  run: { command: string[] }
}

export interface ContextOptions {
  /** Replaces the spec's base URL (scheme, host, port): the one thing a test run changes. */
  baseUrl?: string | undefined
}

type SpecContext = Omit<TemplateContext, 'target'>

// A spec is rendered once per target, and all but `target` of its context is the same each time,
// so it is built once per spec object (and base URL) and kept for the renders that follow.
// Specs are never changed after loading. Only the last spec's is kept: callers render a spec
// with all its targets in a row, and a WeakMap by spec object (used before) kept each context
// alive through V8's young-generation collections, so every one was copied to the old
// generation: a quarter of section 1's time went to garbage collection.
interface KnownSpec {
  spec: Spec
  baseUrl: string | undefined
  context: SpecContext
  /** See isPlainContext. */
  plain: boolean
}
let last: KnownSpec | undefined

export function buildContext(
  spec: Spec,
  target: ContextTarget,
  options: ContextOptions = {},
): TemplateContext {
  let known = last
  if (!known || known.spec !== spec || known.baseUrl !== options.baseUrl) {
    const context = specContext(spec, options)
    known = { spec, baseUrl: options.baseUrl, context, plain: isPlainSpec(context) }
    last = known
  }
  const { context } = known
  return {
    target: {
      id: target.id,
      label: target.label,
      file: target.file,
      command: new SpecText(target.run.command.join(' ')),
    },
    spec: context.spec,
    request: context.request,
    auth: context.auth,
    expect: context.expect,
  }
}

/**
 * Whether a context from buildContext holds only plain data: objects and arrays whose
 * prototypes are the built-in ones, strings, numbers, booleans, null, spec text and JSON (with
 * JSON of the same kinds). A spec that parseSpec loaded always gives one; a spec or target built
 * by hand may not. Compiled templates read most fields of plain data without checking that the
 * field is the object's own (src/render/compiler/compile.ts, `plainName`).
 */
export function isPlainContext(context: TemplateContext): boolean {
  if (!last || last.context.request !== context.request || !last.plain) return false
  const { id, label, file } = context.target
  return typeof id === 'string' && typeof label === 'string' && typeof file === 'string'
}

function isPlainSpec(context: SpecContext): boolean {
  const { spec, request, auth, expect } = context
  const texts = [spec.id, spec.title, spec.description, request.baseUrl, request.path]
  texts.push(request.contentType)
  for (const { name, value } of request.headers) texts.push(name, value)
  for (const c of [auth.username, auth.password]) texts.push(c.value, c.env, c.placeholder)
  if (!texts.every((text) => text === null || typeof text.value === 'string')) return false
  const body = request.body
  if (body && (typeof body.text.value !== 'string' || !isPlainJson(body.json.value))) return false
  return typeof request.method === 'string' && typeof expect.status === 'number'
}

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function'
  const prototype = Object.getPrototypeOf(value) as unknown
  if (Array.isArray(value)) {
    return prototype === Array.prototype && value.every((item) => isPlainJson(item))
  }
  if (prototype !== Object.prototype && prototype !== null) return false
  return Object.values(value).every((item) => isPlainJson(item))
}

function specContext(spec: Spec, options: ContextOptions): SpecContext {
  const { request, auth } = spec
  const method = request.method
  // One object per header, shared by both lists; one loop, without closures per spec.
  const headers: Array<{ name: SpecText; value: SpecText }> = []
  const otherHeaders: Array<{ name: SpecText; value: SpecText }> = []
  let contentType: SpecText | null = null
  for (const [name, value] of request.headers) {
    const header = { name: new SpecText(name), value: new SpecText(value) }
    headers.push(header)
    if (name.toLowerCase() !== 'content-type') otherHeaders.push(header)
    else if (request.body && !contentType) contentType = new SpecText(value)
  }
  return {
    spec: {
      id: new SpecText(spec.id),
      title: new SpecText(spec.title),
      description: spec.description === null ? null : new SpecText(spec.description),
    },
    request: {
      method,
      methodTitle: method[0] + method.slice(1).toLowerCase(),
      baseUrl: new SpecText(options.baseUrl ?? request.baseUrl),
      path: new SpecText(request.path),
      headers,
      otherHeaders,
      contentType,
      body: request.body
        ? { json: new SpecJson(request.body.json), text: new SpecText(JSON.stringify(request.body.json)) }
        : null,
    },
    auth: {
      username: credential(auth.username),
      password: credential(auth.password),
      usesEnv: auth.username.kind === 'env' || auth.password.kind === 'env',
    },
    expect: { status: spec.expect.status },
  }
}
