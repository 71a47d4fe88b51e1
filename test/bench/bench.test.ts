// The benchmark's machinery, run for real at its smallest, so that `npm run bench` keeps measuring
// what it says: that a child's CPU time and memory reach the report, that the render comparison
// still renders both tools, and that the incremental run re-renders only the changed spec. No
// timing is compared with a goal here; figures belong to `npm run bench`, not to tests.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { runChild } from '../../bench/lib/child.ts'
import { loadLibrary, root } from '../../bench/lib/library.ts'
import type { Row } from '../../bench/lib/report.ts'
import { incrementalSection } from '../../bench/sections/incremental.ts'
import { renderSection } from '../../bench/sections/render.ts'

const exec = promisify(execFile)

beforeAll(async () => {
  await exec('node', ['scripts/build-lib.mjs'])
})

function row(rows: Row[], name: string): Row {
  const found = rows.find((r) => r.name === name)
  if (!found) throw new Error(`no row "${name}" among: ${rows.map((r) => r.name).join('; ')}`)
  return found
}

describe('bench', () => {
  it('reports the peak memory and CPU time of a Node child, none for other programs', async () => {
    // Busy for 300 ms of its own CPU time, whatever else the machine is doing.
    const spin = 'const t = process.cpuUsage(); while (process.cpuUsage(t).user < 300_000);'
    const node = await runChild(process.execPath, ['-e', spin], { cwd: root })
    expect(node.code).toBe(0)
    expect(node.cpu.user).toBeGreaterThanOrEqual(300)
    expect(node.cpu.system).toBeGreaterThanOrEqual(0)
    expect(node.peakMb).toBeGreaterThan(10)

    const other = await runChild('true', [], { cwd: root })
    expect(other.code).toBe(0)
    expect(other.cpu.user).toBeNaN()
    expect(other.peakMb).toBeNaN()
  })

  it('renders the same requests with polysnip and httpsnippet and gives their ratio', async () => {
    const rows = await renderSection(await loadLibrary(), true)

    const perSnippet = /^(\d+\.\d) µs\/snippet$/
    expect(row(rows, 'polysnip renderSnippet').value).toMatch(perSnippet)
    expect(row(rows, 'httpsnippet new HTTPSnippet + convert').value).toMatch(perSnippet)
    const ratio = row(rows, 'ratio polysnip / httpsnippet')
    expect(ratio.value).toMatch(/^\d+\.\d\d×$/)
    expect(typeof ratio.ok).toBe('boolean')
  }, 60_000)

  it('renders only the changed spec again, in every incremental run', async () => {
    const rows = await incrementalSection(true)

    const rendered = row(rows, 'snippets rendered again')
    expect(rendered.value).toBe('7')
    expect(rendered.ok).toBe(true)
    const unchanged = row(rows, 'nothing changed, polysnip gen again')
    expect(unchanged.note).toMatch(/\(0 rendered, 0 written, 7001 unchanged\)/)
  }, 180_000)
})
