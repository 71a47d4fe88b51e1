/**
 * 3. Scale: 10, 100 and 1,000 generated specs × every target, as whole `polysnip gen` runs
 * into an empty snippets/ folder with no generation cache, with and without highlighted HTML
 * when polysnip has it.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { outputModes, polysnip } from '../lib/cli.ts'
import type { Row } from '../lib/report.ts'
import { specFolder } from '../lib/spec-folder.ts'
import { median, spread } from '../lib/stats.ts'

const SECTION = '3. Scale'
const GOAL_S = 15
const GOAL_MB = 500
const SIZES = [10, 100, 1000]

interface Point {
  count: number
  ms: number
  peakMb: number
  times: number[]
  /** Median user and system CPU time, in seconds. */
  user: number
  system: number
}

async function measure(dir: string, count: number, runs: number, extra: string[]): Promise<Point> {
  const times: number[] = []
  const peaks: number[] = []
  const users: number[] = []
  const systems: number[] = []
  for (let i = 0; i < runs; i++) {
    // Both folders go: with .cache/ left from the run before, nothing would be rendered again
    // (or highlighted again), and the figure would be section 4's, not a first generation.
    for (const name of ['snippets', '.cache']) {
      rmSync(join(dir, name), { recursive: true, force: true })
    }
    const run = await polysnip(['gen', '--quiet', ...extra], dir)
    times.push(run.ms)
    peaks.push(run.peakMb)
    users.push(run.cpu.user / 1000)
    systems.push(run.cpu.system / 1000)
  }
  const cpu = { user: median(users), system: median(systems) }
  return { count, ms: median(times), peakMb: Math.max(...peaks), times, ...cpu }
}

function rows(label: string, points: Point[], runs: number): Row[] {
  const out: Row[] = points.map((p) => {
    const big = p.count === 1000
    return {
      section: SECTION,
      name: `${p.count} specs, ${label}: wall time / peak RSS`,
      value: `${(p.ms / 1000).toFixed(2)} s / ${p.peakMb.toFixed(0)} MB`,
      goal: big ? `≤ ${GOAL_S} s, ≤ ${GOAL_MB} MB` : '',
      ok: big ? p.ms / 1000 <= GOAL_S && p.peakMb <= GOAL_MB : null,
      note:
        `median of ${runs}; range ${spread(p.times.map((t) => t / 1000))} s; ` +
        `${(p.ms / p.count).toFixed(1)} ms per spec; CPU ${p.user.toFixed(2)} s user, ` +
        `${p.system.toFixed(2)} s system`,
    }
  })

  // Linear growth: the cost of each extra spec stays the same from 100 to 1,000 as from 10 to 100.
  const [a, b, c] = points
  if (a && b && c) {
    const early = (b.ms - a.ms) / (b.count - a.count)
    const late = (c.ms - b.ms) / (c.count - b.count)
    out.push({
      section: SECTION,
      name: `growth, ${label}: ms per extra spec 10→100 vs 100→1,000`,
      value: `${early.toFixed(2)} vs ${late.toFixed(2)} ms`,
      goal: 'linear (≤ 1.5× apart)',
      ok: late <= early * 1.5,
      note: `ratio ${(late / early).toFixed(2)}`,
    })
  }
  return out
}

export async function scaleSection(quick: boolean): Promise<Row[]> {
  const runs = quick ? 1 : 3
  const modes = outputModes()
  const plain: Point[] = []
  const lit: Point[] = []
  for (const count of SIZES) {
    const dir = specFolder(count)
    try {
      // The warm-up: one unmeasured run of each kind on the smallest set.
      if (count === SIZES[0]) {
        await measure(dir, count, 1, modes.raw)
        if (modes.html) await measure(dir, count, 1, modes.html)
      }
      plain.push(await measure(dir, count, runs, modes.raw))
      if (modes.html) lit.push(await measure(dir, count, runs, modes.html))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  const label = modes.raw.length > 0 ? 'raw programs only (--format raw)' : 'default outputs'
  const result = rows(label, plain, runs)
  if (modes.html) result.push(...rows('highlighted HTML (--format html)', lit, runs))
  else {
    result.push({
      section: SECTION,
      name: '1000 specs with highlighting',
      value: 'not available',
      goal: `≤ ${GOAL_S} s, ≤ ${GOAL_MB} MB`,
      ok: null,
      note: 'polysnip gen has no HTML (Shiki) output in this build',
    })
  }
  return result
}
