/**
 * Progress through the logger: one line when all programs of a spec × target × mode are done,
 * with how many groups are left.
 */
import type { Logger } from '../log.ts'
import type { Program } from './plan.ts'
import type { RunResult } from './results.ts'

const groupOf = (p: Program) => `${p.target.id} ${p.spec.id} ${p.mode}`

export type ProgressReporter = (program: Program, runs: RunResult[]) => void

export function createProgress(programs: Program[], logger: Logger): ProgressReporter {
  const remaining = new Map<string, number>()
  const done = new Map<string, RunResult[]>()
  for (const p of programs) remaining.set(groupOf(p), (remaining.get(groupOf(p)) ?? 0) + 1)
  let groupsLeft = remaining.size

  return (program, runs) => {
    const group = groupOf(program)
    const left = (remaining.get(group) ?? 1) - 1
    remaining.set(group, left)
    done.set(group, [...(done.get(group) ?? []), ...runs])
    if (left > 0) return

    groupsLeft--
    const all = done.get(group) ?? []
    const failed = all.filter((r) => r.status === 'failed').length
    const cached = all.filter((r) => r.cached).length
    const state = failed ? `${failed} of ${all.length} runs FAILED` : `${all.length} runs passed`
    const fromCache = cached ? ` (${cached} cached)` : ''
    logger.progress(`${group}: ${state}${fromCache}; ${groupsLeft} groups left`)
  }
}
