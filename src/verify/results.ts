/**
 * What one run of one program came to.
 */
import type { CredentialMode } from './credentials.ts'
import type { RunKind } from './plan.ts'

export type RunStatus = 'passed' | 'failed' | 'skipped'

export interface RunResult {
  spec: string
  target: string
  toolchain: string
  mode: CredentialMode
  vector: string
  kind: RunKind
  status: RunStatus
  /** Taken from the cache of passed runs instead of being run. */
  cached: boolean
  /** For a failure, what was wrong; for a skip, why. Empty when passed. */
  problems: string[]
  /** The program's exit code, when it ran. */
  exitCode: number | null
  /** Output of a failed run (trimmed), to show in the report. */
  stdout?: string
  stderr?: string
  /** The request that arrived, as text, for a failed run. */
  request?: string
  /** Where the failed program was left for inspection. */
  programDir?: string
  durationMs: number
}
