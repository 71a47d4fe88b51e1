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
// so it is built once per spec object (and base URL). Specs are never changed after loading.
const bySpec = new WeakMap<Spec, { baseUrl: string | undefined; context: SpecContext }>()

export function buildContext(
  spec: Spec,
  target: ContextTarget,
  options: ContextOptions = {},
): TemplateContext {
  let known = bySpec.get(spec)
  if (!known || known.baseUrl !== options.baseUrl) {
    known = { baseUrl: options.baseUrl, context: specContext(spec, options) }
    bySpec.set(spec, known)
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
