/**
 * CPU time per snippet of section 1's work (bench/sections/render.ts), for work on the renderer:
 * polysnip's renderSnippet and httpsnippet on the same requests, passes alternating, timed with
 * process.cpuUsage. On a shared machine the minimum over many passes is the steadiest figure;
 * the median is printed too. `--lib DIR` adds another build of polysnip's dist/ (e.g. one built
 * from an older commit) to compare with.
 *
 *   npm run build:lib && npx tsx bench/render-cpu.ts [--rounds 31] [--lib /path/to/dist]
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { HTTPSnippet, type HarRequest } from 'httpsnippet'
import { parse } from 'yaml'
import type { SpecInput } from '../src/spec/schema.ts'
import { loadLibrary, root, type Library } from './lib/library.ts'
import { generateSpecInputs, specYaml, toHar } from './lib/spec-set.ts'
import { median } from './lib/stats.ts'
import { PEERS } from './sections/render.ts'


const { values } = parseArgs({ options: { rounds: { type: 'string' }, lib: { type: 'string' } } })
const rounds = Number(values.rounds ?? 31)

const defaultInput = parse(readFileSync(join(root, 'specs/list-projects.yaml'), 'utf8')) as SpecInput
const inputs = [defaultInput, ...generateSpecInputs(60)]

/** One pass of polysnip over every request and language; fresh spec objects, as in section 1. */
async function polysnipPass(lib: Library): Promise<() => number> {
  const specs = inputs.map((input) => lib.parseSpec(specYaml(input), `${input.id}.yaml`))
  const targets = (await lib.loadTargets()).filter((t) => t.id in PEERS)
  return () => {
    for (const spec of specs.map((s) => ({ ...s }))) {
      for (const target of targets) lib.renderSnippet(spec, target)
    }
    return specs.length * targets.length
  }
}

function httpsnippetPass(): () => number {
  const hars = inputs.map((input) => toHar(input) as unknown as HarRequest)
  const peers = Object.values(PEERS)
  return () => {
    for (const har of hars) {
      const snippet = new HTTPSnippet(har)
      for (const [target, client] of peers) snippet.convert(target, client)
    }
    return hars.length * peers.length
  }
}

/** µs of CPU per snippet over passes of at least 150 ms. */
function cpuPerSnippet(pass: () => number): number {
  const start = process.cpuUsage()
  const wall = performance.now()
  let snippets = 0
  while (performance.now() - wall < 150) snippets += pass()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / snippets
}

const passes: Array<[string, () => number]> = [
  ['polysnip', await polysnipPass(await loadLibrary())],
  ['httpsnippet', httpsnippetPass()],
]
if (values.lib) {
  const other = (await import(pathToFileURL(join(values.lib, 'index.js')).href)) as Library
  passes.push([`polysnip (${values.lib})`, await polysnipPass(other)])
}

for (const [, pass] of passes) for (let i = 0; i < 3; i++) cpuPerSnippet(pass)
const samples = passes.map(() => [] as number[])
for (let round = 0; round < rounds; round++) {
  // Rotate the order, so that no build always runs first.
  for (let k = 0; k < passes.length; k++) {
    const index = (round + k) % passes.length
    samples[index]?.push(cpuPerSnippet((passes[index] as [string, () => number])[1]))
  }
}

const [ownMin = 0, peerMin = 0] = samples.map((s) => Math.min(...s))
for (const [i, [name]] of passes.entries()) {
  const s = samples[i] as number[]
  const min = Math.min(...s)
  const vs = `min ${(min / peerMin).toFixed(2)}× httpsnippet, ${(min / ownMin).toFixed(2)}× polysnip`
  process.stdout.write(`${name.padEnd(40)} min ${min.toFixed(2)} µs  median ${median(s).toFixed(2)} µs  (${vs})\n`)
}
