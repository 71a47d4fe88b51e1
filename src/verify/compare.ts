/**
 * Compares what arrived at the server with what the spec and the vector say must arrive. Each
 * problem is one readable sentence; a wrong Authorization value also says which known mistake it
 * looks like (line wrapping, URL-safe alphabet, Latin-1, …).
 */
import { isDeepStrictEqual } from 'node:util'
import type { RecordedRequest } from './server.ts'
import { basicToken } from './vectors.ts'

export interface Expectation {
  method: string
  /** Path and percent-encoded query, exactly as the spec has it. */
  path: string
  /** The spec's headers (Authorization excluded); names compare case-insensitively. */
  headers: Array<[name: string, value: string]>
  /** The JSON body, or null when the request must have none. */
  body: { json: unknown } | null
  /** The credentials, and every value the header may have (Base64 of UTF-8, RFC text). */
  auth: { username: string; password: string; tokens: string[] }
}

const show = (text: string) => JSON.stringify(text)

/** Problems with the single request a program should have sent; empty when it is right. */
export function compareRequest(requests: RecordedRequest[], expected: Expectation): string[] {
  if (requests.length === 0) return ['no request arrived at the server']
  const problems: string[] = []
  if (requests.length > 1) problems.push(`${requests.length} requests arrived; expected exactly one`)
  const request = requests[0] as RecordedRequest

  if (request.method !== expected.method) {
    problems.push(`method is ${request.method}, expected ${expected.method}`)
  }
  if (request.url !== expected.path) {
    problems.push(`path and query are ${show(request.url)}, expected ${show(expected.path)}`)
  }
  problems.push(...compareAuthorization(request, expected.auth))

  for (const [name, value] of expected.headers) {
    const values = headerValues(request, name)
    if (values.length === 0) problems.push(`header ${name} is missing (expected ${show(value)})`)
    else if (values.length > 1) {
      problems.push(`header ${name} was sent ${values.length} times: ${values.map(show).join(', ')}`)
    } else if (values[0] !== value) {
      problems.push(`header ${name} is ${show(values[0] ?? '')}, expected ${show(value)}`)
    }
  }

  problems.push(...compareBody(request.body, expected.body))
  return problems
}

function headerValues(request: RecordedRequest, name: string): string[] {
  const lower = name.toLowerCase()
  return request.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v)
}

function compareAuthorization(request: RecordedRequest, auth: Expectation['auth']): string[] {
  const values = headerValues(request, 'Authorization')
  const wanted = `Basic ${auth.tokens[0] ?? ''}`
  if (values.length === 0) return [`header Authorization is missing (expected ${show(wanted)})`]
  if (values.length > 1) return [`header Authorization was sent ${values.length} times`]

  const value = values[0] ?? ''
  if (auth.tokens.some((t) => value === `Basic ${t}`)) return []
  const hint = diagnoseToken(value, auth.username, auth.password)
  return [`Authorization is ${show(value)}, expected ${show(wanted)}${hint ? ` (${hint})` : ''}`]
}

/** Names the known mistake a wrong `Authorization` value looks like, or returns null. */
export function diagnoseToken(value: string, username: string, password: string): string | null {
  const match = /^(\S+) (.*)$/s.exec(value)
  if (!match) return 'not of the form "Basic <token>"'
  const [, scheme = '', token = ''] = match
  if (scheme !== 'Basic') return `the scheme is ${show(scheme)}; send "Basic" exactly`

  const plain = `${username}:${password}`
  const right = basicToken(username, password)
  if (/[\r\n]/.test(token)) return 'contains a line break: a line-wrapping (MIME) encoder'
  const urlSafe = right.replaceAll('+', '-').replaceAll('/', '_')
  if (urlSafe !== right && (token === urlSafe || token === urlSafe.replace(/=+$/, ''))) {
    return 'URL-safe Base64 alphabet (- and _ instead of + and /)'
  }
  if (token === right.replace(/=+$/, '')) return 'padding dropped: the "=" at the end are missing'
  if (token === Buffer.from(plain, 'latin1').toString('base64')) {
    return 'encoded as Latin-1 instead of UTF-8 (btoa, requests auth=, ISO-8859-1)'
  }
  if (token === Buffer.from(plain.replace(/[^\x00-\x7f]/gu, '?'), 'ascii').toString('base64')) {
    return 'encoded as ASCII: non-ASCII characters became "?" (platform charset, Encoding.ASCII)'
  }
  if (token === basicToken(username, `${password}\n`)) {
    return 'a trailing newline was encoded (echo instead of printf %s)'
  }
  if (token === right.trim()) return 'extra whitespace around the token'

  const decoded = Buffer.from(token, 'base64').toString('utf8')
  return `the token decodes to ${show(decoded)} instead of ${show(plain)}`
}

function compareBody(body: Buffer, expected: Expectation['body']): string[] {
  if (expected === null) {
    return body.length === 0 ? [] : [`a body of ${body.length} bytes was sent; expected none`]
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return [`the body is not valid UTF-8: ${body.toString('hex').slice(0, 120)}`]
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return [`the body is not JSON: ${show(text.slice(0, 200))}`]
  }
  return isDeepStrictEqual(json, expected.json)
    ? []
    : [`the body is ${text.slice(0, 300)}, expected JSON equal to ${JSON.stringify(expected.json)}`]
}
