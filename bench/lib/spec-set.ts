/**
 * A deterministic set of request specs for the benchmarks: varied methods, query parameters,
 * headers, JSON bodies and both credential modes, so every template branch is exercised. The
 * same input also becomes a HAR request for httpsnippet, so both tools render the same requests.
 */
import { stringify } from 'yaml'
import type { SpecInput } from '../../src/spec/schema.ts'

/** xorshift32: tiny, seedable, and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 2 ** 32
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const WORDS = ['project', 'channel', 'user', 'token', 'region', 'quota', 'usage', 'recording']
const HEADERS = ['Accept', 'X-Request-Id', 'X-Api-Version', 'Accept-Language', 'Cache-Control']

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

function jsonBody(next: () => number, depth: number): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  const fields = 2 + Math.floor(next() * 4)
  for (let i = 0; i < fields; i++) {
    const key = `${pick(next, WORDS)}_${i}`
    const kind = Math.floor(next() * (depth > 1 ? 5 : 6))
    if (kind === 0) body[key] = Math.floor(next() * 10_000)
    else if (kind === 1) body[key] = next() < 0.5
    else if (kind === 2) body[key] = [pick(next, WORDS), pick(next, WORDS)]
    else if (kind === 3) body[key] = null
    else if (kind === 4) body[key] = `The "${pick(next, WORDS)}" isn't \\ plain $text`
    else body[key] = jsonBody(next, depth + 1)
  }
  return body
}

/** `count` spec inputs; spec i is the same on every run for the same seed. */
export function generateSpecInputs(count: number, seed = 7): SpecInput[] {
  const next = random(seed)
  const specs: SpecInput[] = []
  for (let i = 1; i <= count; i++) {
    const method = pick(next, METHODS)
    const resource = pick(next, WORDS)
    const query: Record<string, string | number | boolean | string[]> = {}
    for (let q = Math.floor(next() * 4); q > 0; q--) query[`${pick(next, WORDS)}${q}`] = `v ${q}&x=${i}`
    if (next() < 0.3) query.tag = ['a b', 'c/d']
    const headers: Record<string, string> = { Accept: 'application/json' }
    for (let h = Math.floor(next() * 4); h > 0; h--) headers[pick(next, HEADERS)] = `value-${i}-${h}`
    const env = next() < 0.6
    specs.push({
      id: `bench-${String(i).padStart(4, '0')}`,
      title: `${method} ${resource} number ${i}`,
      description: `Benchmark request ${i}: ${method} on the ${resource} collection, with a "quoted" word.`,
      request: {
        method,
        url: `https://api.example.com/v${1 + (i % 3)}/${resource}s/${i}`,
        ...(Object.keys(query).length > 0 ? { query } : {}),
        headers,
        ...(method === 'POST' || method === 'PUT' || method === 'PATCH'
          ? { body: { json: jsonBody(next, 0) } }
          : {}),
      },
      auth: {
        type: 'basic',
        username: env ? { env: 'API_USER', placeholder: 'Your user ID' } : `user-${i}`,
        password: env ? { env: 'API_SECRET', placeholder: 'Your secret' } : `s3cr"et$${i}`,
      },
      ...(method === 'POST' ? { expect: { status: 201 } } : {}),
    })
  }
  return specs
}

export function specYaml(input: SpecInput): string {
  return stringify(input, { lineWidth: 0 })
}

export interface HarRequest {
  method: string
  url: string
  httpVersion: string
  cookies: never[]
  headers: Array<{ name: string; value: string }>
  queryString: Array<{ name: string; value: string }>
  headersSize: number
  bodySize: number
  postData: { mimeType: string; text?: string }
}

function credentialText(c: SpecInput['auth']['username']): string {
  return typeof c === 'string' ? c : c.placeholder
}

/**
 * The same request as HAR. httpsnippet has no auth model, so Basic credentials become a literal
 * Authorization header: the closest thing it can express.
 */
export function toHar(input: SpecInput): HarRequest {
  const { request, auth } = input
  const queryString = Object.entries(request.query ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: String(v) })),
  )
  const user = credentialText(auth.username)
  const basic = Buffer.from(`${user}:${credentialText(auth.password)}`, 'utf8').toString('base64')
  const headers = [
    { name: 'Authorization', value: `Basic ${basic}` },
    ...Object.entries(request.headers ?? {}).map(([name, value]) => ({ name, value })),
  ]
  const body = request.body ? JSON.stringify(request.body.json) : undefined
  if (body !== undefined) headers.push({ name: 'Content-Type', value: 'application/json' })
  return {
    method: request.method,
    url: request.url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString,
    headersSize: -1,
    bodySize: -1,
    postData:
      body === undefined
        ? { mimeType: 'application/octet-stream' }
        : { mimeType: 'application/json', text: body },
  }
}
