// The shared-pattern engine (src/emit/highlight/shared-patterns.ts) against Oniguruma's own
// scanners: every search Shiki makes while highlighting real programs is made again on both,
// then searches at random starts, options and texts, which exercise the remembered answers.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createHighlighterCore, type RegexEngine } from 'shiki/core'
import { createOnigurumaEngine } from 'shiki/engine/oniguruma'
import { bundledLanguages } from 'shiki/langs'
import { bundledThemes } from 'shiki/themes'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Manifest } from '../../src/emit/generate.ts'
import { THEMES } from '../../src/emit/highlight/highlighter.ts'
import { sharedPatternEngine } from '../../src/emit/highlight/shared-patterns.ts'

type Scanner = ReturnType<RegexEngine['createScanner']>

/** One search as Shiki made it: which scanner, on which line, from where, with what options. */
interface Search {
  scanner: number
  line: number
  start: number
  options: number
}

let onig: RegexEngine
const scanners: string[][] = []
const lines: string[] = []
const searches: Search[] = []

/** An engine that records every scanner made and every search made on it. */
function recording(engine: RegexEngine): RegexEngine {
  const lineOf = new Map<unknown, number>()
  return {
    createString(text) {
      const string = engine.createString(text)
      lineOf.set(string, lines.push(text) - 1)
      return string
    },
    createScanner(patterns) {
      const id = scanners.push(patterns.map(String)) - 1
      const scanner = engine.createScanner(patterns)
      return {
        findNextMatchSync(string, start, options) {
          const line = typeof string === 'string' ? lines.push(string) - 1 : lineOf.get(string)!
          searches.push({ scanner: id, line, start, options: (options as number) ?? 0 })
          return scanner.findNextMatchSync(string, start, options)
        },
      }
    },
  }
}

beforeAll(async () => {
  onig = await createOnigurumaEngine(import('shiki/wasm'))
  const manifest = JSON.parse(await readFile('snippets/manifest.json', 'utf8')) as Manifest
  const langs = [...new Set(manifest.snippets.map((s) => s.shiki))]
  const shiki = await createHighlighterCore({
    langs: langs.map((l) => bundledLanguages[l as keyof typeof bundledLanguages]),
    themes: [bundledThemes[THEMES.light], bundledThemes[THEMES.dark]],
    engine: recording(onig),
  })
  for (const s of manifest.snippets) {
    const code = await readFile(join('snippets', s.file), 'utf8')
    shiki.codeToHtml(code, { lang: s.shiki, themes: THEMES, defaultColor: false })
  }
  shiki.dispose()
}, 60_000)

/** Runs `calls` on a scanner of each engine, each text made once per engine, and compares. */
function compare(patterns: string[], calls: Array<{ text: string; start: number; options: number }>) {
  const shared = sharedPatternEngine(onig)
  const own = onig.createScanner(patterns)
  const ours = shared.createScanner(patterns)
  const strings = new Map<string, [unknown, unknown]>()
  for (const { text, start, options } of calls) {
    let pair = strings.get(text)
    if (!pair) {
      pair = [onig.createString(text), shared.createString(text)]
      strings.set(text, pair)
    }
    const expected = own.findNextMatchSync(pair[0] as never, start, options)
    const actual = (ours as Scanner).findNextMatchSync(pair[1] as never, start, options)
    expect(actual, `${JSON.stringify(text)} from ${start}, options ${options}`).toEqual(expected)
  }
}

describe('sharedPatternEngine', () => {
  it('answers every search Shiki made for the committed programs as Oniguruma does', () => {
    expect(searches.length).toBeGreaterThan(1000)
    const byScanner = new Map<number, Search[]>()
    for (const s of searches) byScanner.set(s.scanner, [...(byScanner.get(s.scanner) ?? []), s])
    for (const [id, made] of byScanner) {
      compare(scanners[id]!, made.map((s) => ({ text: lines[s.line]!, ...s })))
    }
  })

  it('answers searches at any start, with any options, from its remembered answers too', () => {
    // Starts go up and down on one text, so remembered answers are used and refused.
    const texts = [...new Set(lines)].filter((t) => t.length > 10).slice(0, 60)
    let seed = 7
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647) % n)
    const big = scanners.filter((p) => p.length > 20).slice(0, 25)
    for (const patterns of big) {
      const calls = Array.from({ length: 120 }, () => {
        const text = texts[random(texts.length)]!
        return { text, start: random(text.length + 1), options: [0, 1, 4, 5][random(4)]! }
      })
      // The same text several times in a row, from changing starts.
      calls.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      compare(patterns, calls)
    }
  })

  it('answers a plain string as it answers the string the engine makes of it', () => {
    const patterns = ['"[^"]*"', '\\d+', 'é']
    const shared = sharedPatternEngine(onig)
    const ours = shared.createScanner(patterns) as Scanner
    const own = onig.createScanner(patterns)
    for (const text of ['say "hi" 42 times', 'x = 7', 'café "é"', 'none']) {
      for (let start = 0; start <= text.length; start++) {
        const made = onig.createString(text)
        expect(ours.findNextMatchSync(text, start, 0)).toEqual(own.findNextMatchSync(made, start, 0))
      }
    }
  })

  it('keeps \\G, look-behind, \\A and ties between patterns as Oniguruma does', () => {
    const patterns = ['\\Gfoo', '(?<=o)bar', '\\Abaz', 'ba', 'bar', '(?=z)', 'o+', '\\G']
    const text = 'baz foobar foo barz'
    const calls = []
    for (const options of [0, 1, 4, 5]) {
      for (let start = 0; start <= text.length; start++) calls.push({ text, start, options })
      for (let start = text.length; start >= 0; start -= 3) calls.push({ text, start, options })
    }
    compare(patterns, calls)
    compare(patterns.slice().reverse(), calls)
    compare(['é+', '\\x{1F600}', '.'], [0, 1, 2, 3, 4, 5].map((start) => ({ text: 'aé😀é', start, options: 0 })))
  })
})
