/**
 * Turns run results into what people and the site read: a target × vector table, failure
 * details, and `verification.json` (which snippet passed with which toolchain version).
 */
import type { Target } from '../render/targets.ts'
import type { RunResult, RunStatus } from './results.ts'

/** `pass` when every run passed, `FAIL` when any failed, else `skip`. */
function cell(results: RunResult[]): string {
  if (results.length === 0) return '-'
  if (results.some((r) => r.status === 'failed')) return 'FAIL'
  if (results.some((r) => r.status === 'skipped')) return 'skip'
  return 'pass'
}

/**
 * One row per vector (plus the 401 check), one column per target; a cell covers every spec and
 * both credential modes.
 */
export function formatTable(results: RunResult[], targetIds: string[], vectorIds: string[]): string {
  const rows: string[][] = [['vector', ...targetIds]]
  for (const vector of vectorIds) {
    const mine = results.filter((r) => r.vector === vector && r.kind === 'ok')
    rows.push([vector, ...targetIds.map((t) => cell(mine.filter((r) => r.target === t)))])
  }
  const unauthorized = results.filter((r) => r.kind === 'unauthorized')
  const unauthorizedCells = targetIds.map((t) => cell(unauthorized.filter((r) => r.target === t)))
  rows.push(['401 → exit ≠ 0', ...unauthorizedCells])

  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? []
  const line = (row: string[]) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n')
}

const indent = (text: string) => text.trimEnd().split('\n').map((l) => `      ${l}`).join('\n')

/** Every failure with its problems, the program's stderr and the request that arrived. */
export function formatFailures(results: RunResult[]): string {
  return results
    .filter((r) => r.status === 'failed')
    .map((r) => {
      const reply = r.kind === 'unauthorized' ? ' · 401 reply' : ''
      const parts = [`✖ ${r.target} · ${r.spec} · ${r.mode} · vector ${r.vector}${reply}`]
      for (const p of r.problems) parts.push(`    - ${p}`)
      if (r.stderr?.trim()) parts.push('    stderr:', indent(r.stderr))
      if (r.stdout?.trim()) parts.push('    stdout:', indent(r.stdout))
      if (r.request !== undefined) parts.push('    request received:', indent(r.request))
      if (r.programDir) parts.push(`    program: ${r.programDir}`)
      return parts.join('\n')
    })
    .join('\n\n')
}

export interface SnippetVerification {
  spec: string
  target: string
  /** Path of the published snippet, relative to the output folder (as in manifest.json). */
  file: string
  /** SHA-256 of the published snippet, as in manifest.json. */
  sha256: string
  status: RunStatus
  toolchain: string
  /** e.g. `Go 1.19.8`; null when the toolchain was missing. */
  toolchainVersion: string | null
  /** How many credential vectors each mode was run with. */
  vectors: number
  modes: string[]
}

export interface VerificationFile {
  version: 1
  /** Version text per toolchain id, for the toolchains that were found. */
  toolchains: Record<string, string>
  snippets: SnippetVerification[]
}

export interface PublishedSnippet {
  spec: string
  target: Target
  file: string
  sha256: string
}

/** The `verification.json` content: stable order, no timestamps, so reruns are byte-identical. */
export function buildVerification(
  snippets: PublishedSnippet[],
  results: RunResult[],
  versions: Record<string, string | null>,
  vectorCount: number,
  modes: readonly string[],
): VerificationFile {
  const toolchains: Record<string, string> = {}
  for (const id of Object.keys(versions).sort()) {
    const version = versions[id]
    if (version) toolchains[id] = version
  }
  return {
    version: 1,
    toolchains,
    snippets: snippets.map((s) => {
      const mine = results.filter((r) => r.spec === s.spec && r.target === s.target.id)
      const status: RunStatus = mine.some((r) => r.status === 'failed')
        ? 'failed'
        : mine.length === 0 || mine.some((r) => r.status === 'skipped') ? 'skipped' : 'passed'
      return {
        spec: s.spec,
        target: s.target.id,
        file: s.file,
        sha256: s.sha256,
        status,
        toolchain: s.target.run.toolchain,
        toolchainVersion: versions[s.target.run.toolchain] ?? null,
        vectors: vectorCount,
        modes: [...modes],
      }
    }),
  }
}
