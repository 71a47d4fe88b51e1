/**
 * The verification matrix: for every spec × target, one env-mode program that serves every
 * vector, and one inline-mode program per vector. Each program lists the runs it must pass; a
 * run is a vector plus the reply the server gives (the spec's success status, or 401).
 */
import { renderSnippet } from '../render/render.ts'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import { cacheKey } from './cache.ts'
import type { Expectation } from './compare.ts'
import { envNames, withCredentials, type CredentialMode } from './credentials.ts'
import type { Vector } from './vectors.ts'

/** `ok`: the server answers the spec's status; `unauthorized`: it answers 401. */
export type RunKind = 'ok' | 'unauthorized'

export interface PlannedRun {
  vector: Vector
  kind: RunKind
  /** The expected request; identical for both kinds. */
  expectation: Expectation
  /** Variables the program reads its credentials from (env mode), else empty. */
  credentialEnv: Record<string, string>
  cacheKey: string
}

export interface Program {
  spec: Spec
  target: Target
  mode: CredentialMode
  /** The spec with the program's credentials (literals, or the env variables). */
  rendered: Spec
  runs: PlannedRun[]
}

// Programs are keyed by their text with this base URL in place of the server's, whose port
// changes from run to run.
const KEY_BASE_URL = 'https://127.0.0.1:1'

export function expectationFor(spec: Spec, vector: Vector): Expectation {
  return {
    method: spec.request.method,
    path: spec.request.path,
    headers: spec.request.headers.filter(([name]) => name.toLowerCase() !== 'authorization'),
    body: spec.request.body,
    auth: {
      username: vector.username,
      password: vector.password,
      tokens: [vector.expected, ...(vector.printed ? [vector.printed] : [])],
    },
  }
}

export interface PlanOptions {
  specs: Spec[]
  targets: Target[]
  vectors: Vector[]
  modes: readonly CredentialMode[]
  /** Version text per toolchain id; null when missing (the key does not matter then). */
  versions: Record<string, string | null>
}

export function planPrograms(options: PlanOptions): Program[] {
  const { specs, targets, vectors, modes, versions } = options
  const programs: Program[] = []

  for (const spec of specs) {
    // Env-mode programs do not contain the credentials, so check every pair here: a vector RFC
    // 7617 forbids must fail as bad input, whichever mode would have used it.
    for (const vector of vectors) withCredentials(spec, vector, 'inline')

    for (const target of targets) {
      for (const mode of modes) {
        // Env mode: one program for all vectors. Inline: one per vector, since the literals
        // are the program. Each program is also run once against a 401.
        const groups = mode === 'env' ? [vectors] : vectors.map((v) => [v])
        for (const [index, group] of groups.entries()) {
          const head = group[0]
          if (!head) continue
          const rendered = withCredentials(spec, head, mode)
          const source = renderSnippet(rendered, target, { baseUrl: KEY_BASE_URL })
          const run = (vector: Vector, kind: RunKind): PlannedRun => {
            const expectation = expectationFor(spec, vector)
            const names = envNames(spec)
            const credentialEnv: Record<string, string> = {}
            if (mode === 'env') {
              credentialEnv[names.username] = vector.username
              credentialEnv[names.password] = vector.password
            }
            const key = cacheKey({
              source, file: target.file, command: target.run.command, mode, kind,
              version: versions[target.run.toolchain] ?? null, expectation, credentialEnv,
              status: kind === 'ok' ? spec.expect.status : 401,
            })
            return { vector, kind, expectation, credentialEnv, cacheKey: key }
          }
          const runs = group.map((v) => run(v, 'ok'))
          if (index === 0) runs.push(run(head, 'unauthorized'))
          programs.push({ spec, target, mode, rendered, runs })
        }
      }
    }
  }
  return programs
}
