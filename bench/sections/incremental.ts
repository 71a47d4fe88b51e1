/**
 * 4. Incremental: after a full run over 1,000 specs, one spec changes and `polysnip gen` runs
 * again. The CLI's summary line says how many snippets it rendered, which proves that only the
 * changed spec was rendered again.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { ChildRun } from '../lib/child.ts'
import { outputModes, polysnip } from '../lib/cli.ts'
import type { Row } from '../lib/report.ts'
import { specFile, specFolder } from '../lib/spec-folder.ts'
import { median, spread } from '../lib/stats.ts'

const SECTION = '4. Incremental'
const GOAL_MS = 500
const COUNT = 1000

const lastLine = (run: ChildRun) => run.stdout.trim().split('\n').pop() ?? ''

export async function incrementalSection(quick: boolean): Promise<Row[]> {
  // Raw programs only: with every format on, one full run over 1,000 specs takes minutes, and
  // what is measured here is how much of the work a one-spec change avoids.
  const formats = outputModes().raw
  const runs = quick ? 3 : 5
  const times: number[] = []
  const summaries: string[] = []
  const unchanged: ChildRun[] = []
  const dir = specFolder(COUNT)
  try {
    await polysnip(['gen', '--quiet', ...formats], dir)

    const file = specFile(dir, 500)
    const original = readFileSync(file, 'utf8')
    for (let i = 1; i <= runs; i++) {
      // A real change each time: the title appears in every program's header comment.
      writeFileSync(file, original.replace(/^title: (.*)$/m, `title: $1 (edit ${i})`))
      const run = await polysnip(['gen', ...formats], dir)
      times.push(run.ms)
      summaries.push(lastLine(run))
    }
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      unchanged.push(await polysnip(['gen', ...formats], dir))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  // Every run must have rendered only the changed spec, not just the last one.
  const counts = summaries.map((line) => /(\d+) rendered/.exec(line)?.[1])
  const rendered = counts.every((c) => c === counts[0]) ? counts[0] : counts.join(', ')
  const summary = summaries.at(-1) ?? ''
  const ms = median(times)
  const still = median(unchanged.map((r) => r.ms))
  return [
    {
      section: SECTION,
      name: `1 of ${COUNT} specs changed, polysnip gen again`,
      value: `${(ms / 1000).toFixed(3)} s`,
      goal: `≤ ${GOAL_MS / 1000} s`,
      ok: ms <= GOAL_MS,
      note:
        `${formats.join(' ') || 'default outputs'}; median of ${runs}; ` +
        `range ${spread(times.map((t) => t / 1000), 3)} s; CLI said: ${summary}`,
    },
    {
      section: SECTION,
      name: 'snippets rendered again',
      value: rendered ?? 'not reported',
      goal: '7 (one spec × 7 targets)',
      ok: counts.every((c) => c !== undefined && Number(c) <= 7),
      note:
        rendered === undefined
          ? 'polysnip gen does not report a rendered count (it has no cache)'
          : `from the CLI summary line of each of the ${runs} runs`,
    },
    {
      section: SECTION,
      name: `nothing changed, polysnip gen again`,
      value: `${(still / 1000).toFixed(3)} s`,
      goal: '',
      ok: null,
      note:
        `median of ${unchanged.length}; range ${spread(unchanged.map((r) => r.ms / 1000), 3)} s; ` +
        `CLI said: ${unchanged.map(lastLine).at(-1) ?? ''}`,
    },
  ]
}
