/**
 * `npm run bench`: polysnip's performance figures next to their goals, printed as a table and
 * written to bench/RESULTS.md. Flags: `--only render,scale` runs some sections, `--quick` takes
 * fewer samples; either one leaves RESULTS.md alone unless `--write` is given.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadLibrary, root } from './lib/library.ts'
import { describeMachine } from './lib/machine.ts'
import { markdownTables, textTable, type Row } from './lib/report.ts'
import { genSection } from './sections/gen.ts'
import { incrementalSection } from './sections/incremental.ts'
import { renderSection } from './sections/render.ts'
import { scaleSection } from './sections/scale.ts'
import { siteSection } from './sections/site.ts'
import { verifySection } from './sections/verify.ts'
import { loadavg } from 'node:os'

const lib = await loadLibrary()
const log = lib.createLogger({ label: 'polysnip:bench' })

const SECTIONS: Record<string, (quick: boolean) => Promise<Row[]>> = {
  render: (quick) => renderSection(lib, quick),
  gen: genSection,
  scale: scaleSection,
  incremental: incrementalSection,
  verify: verifySection,
  site: siteSection,
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean' },
    write: { type: 'boolean' },
  },
})
const names = values.only
  ? values.only.split(',').map((s) => s.trim()).filter(Boolean)
  : Object.keys(SECTIONS)
const unknown = names.filter((n) => !(n in SECTIONS))
if (unknown.length > 0) {
  log.error(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`)
  process.exit(2)
}
const quick = Boolean(values.quick)

const machine = describeMachine(root)
const started = new Date()
const rows: Row[] = []
for (const name of names) {
  log.progress(`${name}…`)
  const start = Date.now()
  try {
    rows.push(...(await (SECTIONS[name] as (quick: boolean) => Promise<Row[]>)(quick)))
  } catch (e) {
    // One broken section must not hide the figures of the others.
    const message = e instanceof Error ? e.message : String(e)
    rows.push({ section: name, name: 'section failed', value: 'error', goal: '', ok: false, note: message })
  }
  log.progress(`${name} done in ${((Date.now() - start) / 1000).toFixed(0)} s`)
}
const loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ')
const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(0)

log.info(`\n${textTable(rows)}\n`)
const missed = rows.filter((r) => r.ok === false)
log.info(missed.length === 0 ? 'every goal measured was met' : `${missed.length} goal(s) missed`)

const when = started.toISOString().slice(0, 16).replace('T', ' ')
const markdown = `# Benchmark results

Written by \`npm run bench\`${quick ? ' --quick' : ''} on ${when} UTC (${seconds} s).
Each figure is a median after a warm-up; comparisons are ratios taken in the same run. What the
sections measure, and what was found and changed: docs/bench.md.

**Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, which other work may share
(load average ${machine.load} at the start, ${loadAfter} at the end; the benchmark's own runs
count in it), so absolute times are noisy; ratios less so.

**Versions:** ${machine.versions.map(([n, v]) => `${n} ${v}`).join(', ')}.

${markdownTables(rows)}
`

if (values.only || quick) {
  if (values.write) writeFileSync(join(root, 'bench', 'RESULTS.md'), markdown)
  else log.info('partial run: bench/RESULTS.md left as it was (add --write to replace it)')
} else {
  writeFileSync(join(root, 'bench', 'RESULTS.md'), markdown)
  log.info('wrote bench/RESULTS.md')
}
process.exitCode = 0
