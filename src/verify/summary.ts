/**
 * Puts the results of a verification in a stable order and derives the report from them.
 */
import { sha256 } from '../emit/generate.ts'
import { renderSnippet } from '../render/render.ts'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import type { CredentialMode } from './credentials.ts'
import type { RejectionResult } from './rejected.ts'
import { buildVerification, formatFailures, formatTable, type VerificationFile } from './report.ts'
import type { RunResult } from './results.ts'
import type { ToolchainStatus } from './toolchains.ts'
import type { Vector } from './vectors.ts'

export interface VerifyReport {
  /** True when nothing failed (and, in strict mode, nothing was skipped). */
  ok: boolean
  strict: boolean
  /** One result per run, ordered by spec, target, mode, vector and kind. */
  results: RunResult[]
  /** Forbidden vectors and whether the generator refused each one. */
  rejected: RejectionResult[]
  /** Version or problem per toolchain id. */
  toolchains: Record<string, { version: string | null; problem: string | null }>
  counts: { passed: number; failed: number; skipped: number; cached: number; refused: number }
  /** Target × vector table (pass / FAIL / skip). */
  table: string
  /** Every failure with stderr and the request that arrived; empty when none. */
  failures: string
  /** The content of verification.json. */
  verification: VerificationFile
  durationMs: number
}

export interface SummaryInput {
  results: RunResult[]
  rejected: RejectionResult[]
  statuses: Map<string, ToolchainStatus>
  specs: Spec[]
  targets: Target[]
  vectors: Vector[]
  modes: readonly CredentialMode[]
  strict: boolean
  started: number
}

export function summarize(input: SummaryInput): VerifyReport {
  const { rejected, statuses, specs, targets, vectors, modes, strict } = input
  const order = <T>(list: T[]) => (x: T) => list.indexOf(x)
  const specOrder = order(specs.map((s) => s.id))
  const targetOrder = order(targets.map((t) => t.id))
  const vectorOrder = order(vectors.map((v) => v.id))
  const modeOrder = order([...modes])
  const results = [...input.results].sort(
    (a, b) =>
      specOrder(a.spec) - specOrder(b.spec) ||
      targetOrder(a.target) - targetOrder(b.target) ||
      modeOrder(a.mode) - modeOrder(b.mode) ||
      vectorOrder(a.vector) - vectorOrder(b.vector) ||
      Number(a.kind === 'unauthorized') - Number(b.kind === 'unauthorized'),
  )

  const count = (status: RunResult['status']) => results.filter((r) => r.status === status).length
  const badRejections = rejected.filter((r) => !r.refused)
  const counts = {
    passed: count('passed'),
    failed: count('failed') + badRejections.length,
    skipped: count('skipped'),
    cached: results.filter((r) => r.cached).length,
    refused: rejected.length - badRejections.length,
  }

  const versions = Object.fromEntries([...statuses].map(([id, s]) => [id, s.version]))
  const published = [...specs]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((spec) =>
      targets.map((target) => ({
        spec: spec.id,
        target,
        file: `${spec.id}/${target.file}`,
        sha256: sha256(renderSnippet(spec, target)),
      })),
    )

  const rejectionText = badRejections.map(
    (r) => `✖ generator · ${r.spec} · vector ${r.vector}\n    - ${r.message}`,
  )
  const toolchains = [...statuses]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, s]) => [id, { version: s.version, problem: s.problem }])
  return {
    ok: counts.failed === 0 && (!strict || counts.skipped === 0),
    strict,
    results,
    rejected,
    toolchains: Object.fromEntries(toolchains),
    counts,
    table: formatTable(results, targets.map((t) => t.id), vectors.map((v) => v.id)),
    failures: [formatFailures(results), ...rejectionText].filter(Boolean).join('\n\n'),
    verification: buildVerification(published, results, versions, vectors.length, modes),
    durationMs: Math.round(performance.now() - input.started),
  }
}
