/**
 * 2. Cold generation: the whole `polysnip gen` process on the default spec, into an empty
 * folder each time, and `npm run gen` itself (which bundles the library first).
 */
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { runChecked, type ChildRun } from '../lib/child.ts'
import { describeOutput, tempDir } from '../lib/files.ts'
import { root } from '../lib/library.ts'
import type { Row } from '../lib/report.ts'
import { median, spread } from '../lib/stats.ts'

const SECTION = '2. Cold gen'
const GOAL_MS = 500

interface Timed {
  ms: number
  times: number[]
  /** Median CPU time of the runs, user and system, in seconds. */
  user: number
  system: number
  outputs: string
}

/** Times `once` after one warm-up run, each run with a new output folder under a temporary one. */
async function timeRuns(runs: number, once: (out: string) => Promise<ChildRun>, outName = '') {
  const dir = tempDir('gen')
  try {
    await once(join(dir, 'warm-up'))
    const done: ChildRun[] = []
    for (let i = 0; i < runs; i++) done.push(await once(join(dir, `run-${i}`)))
    const outputs = describeOutput(join(dir, 'warm-up', outName))
    const times = done.map((r) => r.ms)
    const user = median(done.map((r) => r.cpu.user / 1000))
    const system = median(done.map((r) => r.cpu.system / 1000))
    return { ms: median(times), times, user, system, outputs } satisfies Timed
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function genSection(quick: boolean): Promise<Row[]> {
  const runs = quick ? 3 : 7
  const node = await timeRuns(runs, () => runChecked('node', ['-e', '0'], { cwd: root }))

  // In the repository, as a developer runs it: polysnip.config.json applies, and the highlight
  // cache in .cache/polysnip/ holds whatever earlier runs left there.
  const cli = await timeRuns(runs, async (out) => {
    const args = ['bin/polysnip.mjs', 'gen', '--spec', 'specs/list-projects.yaml', '--out', out, '--quiet']
    return runChecked('node', args, { cwd: root })
  })

  // From an empty folder each time: no config file, no caches of any kind.
  const spec = join(root, 'specs', 'list-projects.yaml')
  const bare = await timeRuns(runs, async (out) => {
    mkdirSync(out, { recursive: true })
    const args = [join(root, 'bin', 'polysnip.mjs'), 'gen', '--spec', spec, '--out', 'snippets', '--quiet']
    const run = await runChecked('node', args, { cwd: out })
    rmSync(join(out, '.cache'), { recursive: true, force: true })
    return run
  }, 'snippets')

  const npm = await timeRuns(quick ? 2 : 5, async (out) => {
    const args = ['run', '--silent', 'gen', '--', '--out', out, '--quiet']
    return runChecked('npm', args, { cwd: root })
  })

  const range = (r: { times: number[] }) => `range ${spread(r.times.map((t) => t / 1000), 3)} s`
  const cpu = (r: Timed) => `CPU ${r.user.toFixed(2)} s user, ${r.system.toFixed(2)} s system`
  const row = (name: string, r: Timed, how: string): Row => ({
    section: SECTION,
    name,
    value: `${(r.ms / 1000).toFixed(3)} s`,
    goal: `≤ ${GOAL_MS / 1000} s`,
    ok: r.ms <= GOAL_MS,
    note: `${how}; median of ${r.times.length}, ${range(r)}; ${cpu(r)}; wrote ${r.outputs}`,
  })
  return [
    row(
      'node bin/polysnip.mjs gen --spec specs/list-projects.yaml',
      cli,
      'in the repository (its polysnip.config.json, its .cache/), empty --out folder',
    ),
    row(
      'the same from an empty folder',
      bare,
      'no config file, no caches in the folder (dist/ as npm run build:lib leaves it)',
    ),
    row(
      'npm run gen (build:lib + gen, every spec in specs/)',
      npm,
      'npm run gen -- --out <empty folder>, in the repository',
    ),
    {
      section: SECTION,
      name: 'node -e 0 (floor: Node start-up alone)',
      value: `${(node.ms / 1000).toFixed(3)} s`,
      goal: '',
      ok: null,
      note: `for reading the figures above; ${cpu(node)}`,
    },
  ]
}
