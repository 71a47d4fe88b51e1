/**
 * 1. Render throughput against httpsnippet: the same requests rendered to the same seven
 * languages, in process, after a warm-up. Passes of the two tools alternate, so both see the
 * same machine load, and the ratio is taken per pair of passes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HTTPSnippet, type HarRequest as HsRequest, type TargetId } from 'httpsnippet'
import { parse } from 'yaml'
import type { SpecInput } from '../../src/spec/schema.ts'
import type { Library } from '../lib/library.ts'
import { root } from '../lib/library.ts'
import type { Row } from '../lib/report.ts'
import { generateSpecInputs, specYaml, toHar } from '../lib/spec-set.ts'
import { median, msSince, spread } from '../lib/stats.ts'

/** polysnip target → the closest httpsnippet target and client. */
export const PEERS: Record<string, [TargetId, string]> = {
  go: ['go', 'native'],
  node: ['node', 'fetch'],
  php: ['php', 'curl'],
  python: ['python', 'python3'],
  java: ['java', 'nethttp'],
  csharp: ['csharp', 'httpclient'],
  curl: ['shell', 'curl'],
}

const SECTION = '1. Render vs httpsnippet'
const GOAL = 0.33

/** Runs `pass` until at least `minMs` have passed; returns ms per call. */
function timePass(pass: () => number, minMs: number): { ms: number; chars: number } {
  let calls = 0
  let chars = 0
  const start = process.hrtime.bigint()
  do {
    chars += pass()
    calls++
  } while (msSince(start) < minMs)
  return { ms: msSince(start) / calls, chars: chars / calls }
}

export async function renderSection(lib: Library, quick: boolean): Promise<Row[]> {
  const defaultInput = parse(readFileSync(join(root, 'specs/list-projects.yaml'), 'utf8')) as SpecInput
  const inputs = [defaultInput, ...generateSpecInputs(quick ? 20 : 60)]
  const specs = inputs.map((input) => lib.parseSpec(specYaml(input), `${input.id}.yaml`))
  const hars = inputs.map((input) => toHar(input) as unknown as HsRequest)
  const targets = (await lib.loadTargets()).filter((t) => t.id in PEERS)
  const peers = targets.map((t) => PEERS[t.id] as [TargetId, string])
  const snippets = specs.length * targets.length

  // Templates are compiled once, outside the timed passes, as in a long-running process. Each
  // pass renders fresh copies of the spec objects: renderSnippet builds a spec's context once
  // for all its targets (kept by spec object), and a pass must not reuse the previous pass's.
  const polysnip = () => {
    let chars = 0
    for (const spec of specs.map((s) => ({ ...s }))) {
      for (const target of targets) chars += lib.renderSnippet(spec, target).length
    }
    return chars
  }
  // One HTTPSnippet per request, converted to every client: how the library is meant to be used.
  const httpsnippet = () => {
    let chars = 0
    for (const har of hars) {
      const snippet = new HTTPSnippet(har)
      for (const [target, client] of peers) chars += String(snippet.convert(target, client)).length
    }
    return chars
  }
  const prepared = hars.map((har) => new HTTPSnippet(har))
  const convertOnly = () => {
    let chars = 0
    for (const snippet of prepared) {
      for (const [target, client] of peers) chars += String(snippet.convert(target, client)).length
    }
    return chars
  }
  const withParse = () => {
    let chars = 0
    for (const input of inputs) {
      const spec = lib.parseSpec(specYaml(input), `${input.id}.yaml`)
      for (const target of targets) chars += lib.renderSnippet(spec, target).length
    }
    return chars
  }

  const passMs = quick ? 60 : 150
  for (const pass of [polysnip, httpsnippet, convertOnly, withParse]) timePass(pass, passMs * 3)

  const rounds = quick ? 5 : 11
  const poly: number[] = []
  const peer: number[] = []
  const ratios: number[] = []
  const convert: number[] = []
  const parsed: number[] = []
  let chars = { poly: 0, peer: 0 }
  for (let round = 0; round < rounds; round++) {
    // Alternate which tool goes first, so a slow moment does not always hit the same one.
    const a = round % 2 === 0 ? timePass(polysnip, passMs) : null
    const b = timePass(httpsnippet, passMs)
    const c = a ?? timePass(polysnip, passMs)
    poly.push((c.ms * 1000) / snippets)
    peer.push((b.ms * 1000) / snippets)
    ratios.push(c.ms / b.ms)
    chars = { poly: c.chars / snippets, peer: b.chars / snippets }
    convert.push((timePass(convertOnly, passMs).ms * 1000) / snippets)
    parsed.push((timePass(withParse, passMs).ms * 1000) / snippets)
  }

  const ratio = median(ratios)
  const how = `${specs.length} requests × ${targets.length} languages, median of ${rounds} passes`
  return [
    {
      section: SECTION,
      name: 'polysnip renderSnippet',
      value: `${median(poly).toFixed(1)} µs/snippet`,
      goal: '',
      ok: null,
      note: `${how}; range ${spread(poly, 1)} µs; ~${Math.round(chars.poly)} chars per program`,
    },
    {
      section: SECTION,
      name: 'httpsnippet new HTTPSnippet + convert',
      value: `${median(peer).toFixed(1)} µs/snippet`,
      goal: '',
      ok: null,
      note: `${how}; range ${spread(peer, 1)} µs; ~${Math.round(chars.peer)} chars per snippet`,
    },
    {
      section: SECTION,
      name: 'ratio polysnip / httpsnippet',
      value: `${ratio.toFixed(2)}×`,
      goal: `≤ ${GOAL}×`,
      ok: ratio <= GOAL,
      note: `per pair of passes taken back to back; range ${spread(ratios)}`,
    },
    {
      section: SECTION,
      name: 'ratio per character of output',
      value: `${((ratio * chars.peer) / chars.poly).toFixed(2)}×`,
      goal: '',
      ok: null,
      note: 'polysnip writes whole programs (comments, error handling), about 3× the text of a snippet',
    },
    {
      section: SECTION,
      name: 'httpsnippet convert only (objects prepared)',
      value: `${median(convert).toFixed(1)} µs/snippet`,
      goal: '',
      ok: null,
      note: `ratio polysnip / this: ${(median(poly) / median(convert)).toFixed(2)}×`,
    },
    {
      section: SECTION,
      name: 'polysnip incl. YAML parse + validation',
      value: `${median(parsed).toFixed(1)} µs/snippet`,
      goal: '',
      ok: null,
      note: 'parseSpec per request, then its seven programs',
    },
  ]
}
