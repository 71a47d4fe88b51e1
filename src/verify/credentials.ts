/**
 * Puts a vector's credentials into a spec, the way a user would write them: as literals (inline
 * mode) or as environment variables the program reads (env mode). Nothing else changes, so the
 * program differs from the published one only in its credentials and base URL.
 */
import { PolysnipError, throwIfAny } from '../errors.ts'
import type { Credential, Spec } from '../spec/model.ts'
import { checkBasicCredentials } from '../spec/rfc7617.ts'

export type CredentialMode = 'inline' | 'env'

export const credentialModes: readonly CredentialMode[] = ['inline', 'env']

export interface Credentials {
  /** Vector id, for messages. */
  id: string
  username: string
  password: string
}

/** Variable names used in env mode when the spec itself has literal credentials. */
export const DEFAULT_ENV = { username: 'POLYSNIP_USERNAME', password: 'POLYSNIP_PASSWORD' }

/** The environment variable each part is read from in env mode. */
export function envNames(spec: Spec): { username: string; password: string } {
  const { username, password } = spec.auth
  return {
    username: username.kind === 'env' ? username.env : DEFAULT_ENV.username,
    password: password.kind === 'env' ? password.env : DEFAULT_ENV.password,
  }
}

/**
 * A copy of `spec` whose credentials are the vector's. Runs the same RFC 7617 check as the
 * spec loader, so a forbidden pair fails here exactly as it would in a spec file.
 */
export function withCredentials(spec: Spec, creds: Credentials, mode: CredentialMode): Spec {
  const problems = checkBasicCredentials(creds.username, creds.password)
  throwIfAny(
    problems.map(
      (p) =>
        new PolysnipError(`vector "${creds.id}": auth.${p.part} ${p.message}`, {
          file: spec.source.file,
          field: `auth.${p.part}`,
          hint: p.hint,
        }),
    ),
  )

  // In env mode the program is the published one (same variables and placeholders) whenever
  // the spec reads its credentials from the environment.
  const names = envNames(spec)
  const credential = (part: 'username' | 'password'): Credential => {
    if (mode === 'inline') return { kind: 'literal', value: creds[part] }
    const own = spec.auth[part]
    const placeholder = own.kind === 'env' ? own.placeholder : `Your ${part}`
    return { kind: 'env', env: names[part], placeholder }
  }
  const auth = { type: 'basic' as const, username: credential('username'), password: credential('password') }
  return { ...spec, auth }
}
