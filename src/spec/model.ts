/**
 * The normalised request model every renderer sees. Loading turns a validated `SpecInput` into
 * this shape: query and headers as ordered pairs, the URL split into base URL and path, and each
 * credential tagged as a literal or an environment variable.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type Credential =
  | { kind: 'literal'; value: string }
  | { kind: 'env'; env: string; placeholder: string }

export interface Spec {
  id: string
  title: string
  description: string | null
  request: {
    method: Method
    /** Scheme, host and port, e.g. `https://api.agora.io`: the one constant a test changes. */
    baseUrl: string
    /** Path plus the percent-encoded query, e.g. `/dev/v2/projects?page=1`. */
    path: string
    /** Headers in order, Content-Type included when there is a JSON body. */
    headers: Array<[name: string, value: string]>
    /** The JSON body, or null when the request has none. */
    body: { json: unknown } | null
  }
  auth: { type: 'basic'; username: Credential; password: Credential }
  expect: { status: number }
  /** Where the spec came from, for error messages. */
  source: { file: string }
}

/** The value a credential has in the published docs: the literal, or its placeholder. */
export function credentialText(c: Credential): string {
  return c.kind === 'literal' ? c.value : c.placeholder
}
