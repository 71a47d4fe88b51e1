/**
 * 5. Verification: `npm run verify` over the full matrix, first with its result cache removed
 * (every program compiled and run), then again with nothing changed.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { runChild } from '../lib/child.ts'
import { root } from '../lib/library.ts'
import type { Row } from '../lib/report.ts'
import { npmScript } from '../lib/scripts.ts'
import { median, spread } from '../lib/stats.ts'

const SECTION = '5. Verification'
const GOAL_COLD_S = 120
const GOAL_WARM_S = 3
/** Where the verifier keeps passed results (docs/verify.md). */
const CACHE = join(root, '.cache', 'verify')

function lastLine(text: string): string {
  return text.trim().split('\n').filter((l) => l.trim()).pop() ?? ''
}

/** The last line of a run, or for a failed run the first line that names an error. */
function outcome(run: { code: number | null; stdout: string; stderr: string }): string {
  const text = `${run.stdout}\n${run.stderr}`
  if (run.code === 0) return `passed; ${lastLine(text)}`
  const error = text.split('\n').find((l) => /error|failed/i.test(l))
  return `exit ${run.code}; ${(error ?? lastLine(text)).trim().slice(0, 300)}`
}

/** The run whose time is the median (the upper middle of an even count). */
function middle<T extends { ms: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms)
  return sorted[Math.floor(sorted.length / 2)] as T
}

export async function verifySection(quick: boolean): Promise<Row[]> {
  if (!npmScript('verify')) {
    const missing = (name: string, goal: string): Row => ({
      section: SECTION,
      name,
      value: 'not available',
      goal,
      ok: null,
      note: 'package.json has no verify script yet',
    })
    return [
      missing('npm run verify, cold', `≤ ${GOAL_COLD_S} s`),
      missing('npm run verify, warm', `≤ ${GOAL_WARM_S} s`),
    ]
  }

  const verify = () => runChild('npm', ['run', '--silent', 'verify'], { cwd: root, timeoutMs: 900_000 })
  // A cache is only a cache: removing it makes the next run do everything again. The cold runs
  // need no warm-up of their own: the sections before them have loaded Node and the CLI.
  const coldRuns = []
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    rmSync(CACHE, { recursive: true, force: true })
    coldRuns.push(await verify())
  }
  const cold = coldRuns.find((r) => r.code !== 0) ?? middle(coldRuns)
  const warmRuns = []
  for (let i = 0; i < (quick ? 1 : 3); i++) warmRuns.push(await verify())
  const warm = median(warmRuns.map((r) => r.ms))
  const warmOk = warmRuns.every((r) => r.code === 0)

  return [
    {
      section: SECTION,
      name: 'npm run verify, cold (cache removed)',
      value: `${(cold.ms / 1000).toFixed(1)} s`,
      goal: `≤ ${GOAL_COLD_S} s`,
      ok: cold.code === 0 && cold.ms / 1000 <= GOAL_COLD_S,
      note:
        `median of ${coldRuns.length}; range ${spread(coldRuns.map((r) => r.ms / 1000), 1)} s; ` +
        outcome(cold),
    },
    {
      section: SECTION,
      name: 'npm run verify, warm (nothing changed)',
      value: `${(warm / 1000).toFixed(2)} s`,
      goal: `≤ ${GOAL_WARM_S} s`,
      ok: warmOk && warm / 1000 <= GOAL_WARM_S,
      note: `median of ${warmRuns.length}; ${outcome(warmRuns.find((r) => r.code !== 0) ?? cold)}`,
    },
  ]
}
