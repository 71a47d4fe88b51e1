/**
 * Checks that need more than a schema (URL shape, header rules, RFC 7617) and the step from the
 * validated input to the `Spec` model. Problems come back as a list, each with its field path,
 * so the loader can place them in the source.
 */
import { checkBasicCredentials, isNfc } from './rfc7617.ts'
import type { FieldPath } from './locate.ts'
import type { Credential, Spec } from './model.ts'
import type { SpecInput } from './schema.ts'

export interface Problem {
  path: FieldPath
  message: string
  hint: string
  /** Point at the key rather than the value. */
  atKey?: boolean
}

export interface NormalizeResult {
  spec: Spec | null
  problems: Problem[]
  warnings: Problem[]
}

// Headers the client computes or that `auth` owns; setting them by hand breaks the request.
const RESERVED_HEADERS: Record<string, string> = {
  authorization: 'the Authorization header is built from `auth`; remove it from headers',
  host: 'the Host header comes from request.url; remove it',
  'content-length': 'clients compute Content-Length from the body; remove it',
  'transfer-encoding': 'clients choose the transfer encoding; remove it',
  connection: 'clients manage connections; remove it',
  'keep-alive': 'clients manage connections; remove it',
  expect: 'clients decide when to use 100-continue; remove it',
  upgrade: 'protocol upgrades are not part of a request spec; remove it',
  te: 'clients choose transfer codings; remove it',
  trailer: 'trailers are not supported; remove it',
}

/** Key order comes from the source, because JS objects move integer-like keys first. */
export type KeyOrder = (path: FieldPath) => string[]

export function normalize(input: SpecInput, file: string, keyOrder: KeyOrder): NormalizeResult {
  const problems: Problem[] = []
  const warnings: Problem[] = []
  const { request } = input

  const url = parseUrl(request.url, problems)
  const path = url ? url.pathname + encodeQuery(input, keyOrder) : ''
  const headers = normalizeHeaders(input, keyOrder, problems)

  if (request.body && (request.method === 'GET' || request.method === 'DELETE')) {
    problems.push({
      path: ['request', 'body'],
      message: `a ${request.method} request must not have a body`,
      hint: 'remove request.body, or use POST, PUT or PATCH',
      atKey: true,
    })
  }
  if (request.body && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', 'application/json'])
  }

  const username = toCredential(input.auth.username)
  const password = toCredential(input.auth.password)
  checkCredentials(username, password, problems, warnings)

  if (problems.length > 0 || !url) return { spec: null, problems, warnings }
  return {
    spec: {
      id: input.id,
      title: input.title,
      description: input.description ?? null,
      request: {
        method: request.method,
        baseUrl: url.origin,
        path,
        headers,
        body: request.body ? { json: request.body.json } : null,
      },
      auth: { type: 'basic', username, password },
      expect: { status: input.expect?.status ?? 200 },
      source: { file },
    },
    problems,
    warnings,
  }
}

function parseUrl(text: string, problems: Problem[]): URL | null {
  const at: FieldPath = ['request', 'url']
  let url: URL
  try {
    url = new URL(text)
  } catch {
    problems.push({
      path: at,
      message: `"${text}" is not an absolute URL`,
      hint: 'write the full URL, e.g. https://api.example.com/v1/items',
    })
    return null
  }

  const fail = (message: string, hint: string) => {
    problems.push({ path: at, message, hint })
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`scheme "${url.protocol}" is not supported`, 'use an https:// URL')
  }
  if (url.username || url.password) {
    return fail('must not contain credentials', 'move them to auth.username and auth.password')
  }
  if (url.search || text.includes('?')) {
    return fail('must not contain a query string', 'move the parameters to request.query')
  }
  if (url.hash || text.includes('#')) {
    return fail('must not contain a fragment', 'remove the "#…" part; it is never sent')
  }
  return url
}

// RFC 3986 unreserved characters stay; everything else is percent-encoded as UTF-8.
function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function encodeQuery(input: SpecInput, keyOrder: KeyOrder): string {
  const query = input.request.query
  if (!query) return ''
  const parts: string[] = []
  for (const name of keyOrder(['request', 'query'])) {
    const value = query[name]
    const values = Array.isArray(value) ? value : [value]
    for (const v of values) parts.push(`${encodeComponent(name)}=${encodeComponent(String(v))}`)
  }
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

function normalizeHeaders(
  input: SpecInput,
  keyOrder: KeyOrder,
  problems: Problem[],
): Array<[string, string]> {
  const given = input.request.headers ?? {}
  const seen = new Set<string>()
  const headers: Array<[string, string]> = []

  for (const name of keyOrder(['request', 'headers'])) {
    const value = given[name] ?? ''
    const at: FieldPath = ['request', 'headers', name]
    const lower = name.toLowerCase()
    const reserved = RESERVED_HEADERS[lower]

    if (reserved) {
      problems.push({ path: at, message: `header "${name}" cannot be set`, hint: reserved, atKey: true })
    } else if (seen.has(lower)) {
      problems.push({
        path: at,
        message: `header "${name}" is given twice (names are case-insensitive)`,
        hint: 'keep one; join repeated values with ", "',
        atKey: true,
      })
    } else if (/[^\t\x20-\x7e]/.test(value)) {
      problems.push({
        path: at,
        message: 'header values must be printable ASCII',
        hint: 'remove control and non-ASCII characters; encode such data in the body instead',
      })
    } else if (value !== value.trim()) {
      problems.push({
        path: at,
        message: 'header value has leading or trailing white space, which clients drop',
        hint: 'trim the value',
      })
    }
    seen.add(lower)
    headers.push([name, value])
  }
  return headers
}

function toCredential(input: SpecInput['auth']['username']): Credential {
  return typeof input === 'string'
    ? { kind: 'literal', value: input }
    : { kind: 'env', env: input.env, placeholder: input.placeholder }
}

function checkCredentials(
  username: Credential,
  password: Credential,
  problems: Problem[],
  warnings: Problem[],
): void {
  // Placeholders are shown to readers as example values, so they must obey the same rules.
  const text = (c: Credential) => (c.kind === 'literal' ? c.value : c.placeholder)
  const field = (c: Credential, part: string): FieldPath =>
    c.kind === 'literal' ? ['auth', part] : ['auth', part, 'placeholder']
  const parts = { username, password }

  for (const p of checkBasicCredentials(text(username), text(password))) {
    problems.push({ path: field(parts[p.part], p.part), message: p.message, hint: p.hint })
  }
  for (const [part, c] of Object.entries(parts)) {
    if (!isNfc(text(c))) {
      warnings.push({
        path: field(c, part),
        message: 'is not in Unicode NFC; servers compare bytes, so NFD input may not match',
        hint: 'write the credential in NFC (RFC 7617 §2.1)',
      })
    }
  }
  if (username.kind === 'env' && password.kind === 'env' && username.env === password.env) {
    problems.push({
      path: ['auth', 'password', 'env'],
      message: `uses the same variable as auth.username ("${username.env}")`,
      hint: 'give the user-id and the password different environment variables',
    })
  }
}
