// The image of Oniguruma's compiled patterns (src/emit/highlight/pattern-image.ts): scanners
// restored from it answer every search as scanners compiled in the same instance do, and an
// image that does not fit is refused before anything is copied.
import { readFile, writeFile } from 'node:fs/promises'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RegexEngine } from 'shiki/core'
import { createOnigurumaEngine } from 'shiki/engine/oniguruma'
import { bundledLanguages } from 'shiki/langs'
import { wasmBinary } from 'shiki/wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Manifest } from '../../src/emit/generate.ts'
import {
  ImageScanner,
  moduleHash,
  restoreImage,
  writeImage,
  type OnigExports,
} from '../../src/emit/highlight/pattern-image.ts'
import { tempDir } from '../core/helpers.ts'

const wasm = new Uint8Array(wasmBinary)
/** Patterns that are not valid: Oniguruma still makes scanners of them, which find nothing. */
const INVALID = ['(unclosed', '[z-a]']

let dir: string
let image: string
let sources: string[]
let exports: OnigExports
let restored: Map<string, number> | undefined
let engine: RegexEngine

/** Every pattern string a grammar holds, as TextMate would compile most of them. */
function patternsOf(grammar: unknown, into: Set<string>): void {
  if (Array.isArray(grammar)) for (const item of grammar) patternsOf(item, into)
  else if (grammar && typeof grammar === 'object') {
    for (const [key, value] of Object.entries(grammar)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') into.add(value)
      else patternsOf(value, into)
    }
  }
}

/** An image file of `fields` for this module, with no page data. */
function imageOf(fields: object): Buffer {
  const header = { format: 1, wasm: moduleHash(wasm), memory: 2 ** 24, ...fields }
  const text = Buffer.from(JSON.stringify(header))
  const size = Buffer.alloc(4)
  size.writeUInt32LE(text.length, 0)
  return Buffer.concat([size, text])
}

/** An untouched instance, as Shiki's loader gives it imports. */
async function fresh(): Promise<OnigExports> {
  const env = {
    emscripten_get_now: () => 0,
    emscripten_memcpy_big: () => undefined,
    emscripten_resize_heap: () => 0,
    fd_write: () => 0,
  }
  const made = await WebAssembly.instantiate(wasm, { env, wasi_snapshot_preview1: env })
  return made.instance.exports as unknown as OnigExports
}

beforeAll(async () => {
  const found = new Set<string>()
  for (const lang of ['go', 'python', 'bash', 'java', 'csharp', 'php', 'javascript'] as const) {
    patternsOf((await bundledLanguages[lang]()).default, found)
  }
  sources = [...found]
  dir = await tempDir('polysnip-image-')
  image = join(dir, 'onig.image')
  writeImage(image, wasm, [...sources, ...INVALID])

  // Shiki's own engine, on an instance the image was copied into.
  engine = await createOnigurumaEngine({
    instantiator: async (imports) => {
      const made = await WebAssembly.instantiate(wasm, imports)
      exports = made.instance.exports as unknown as OnigExports
      restored = restoreImage(image, wasm, exports)
      return made
    },
  })
}, 60_000)

describe('the image of compiled patterns', () => {
  it('holds every pattern, and grows memory to hold them', () => {
    expect([...restored!.keys()].sort()).toEqual([...sources, ...INVALID].sort())
    expect(exports.memory.buffer.byteLength).toBeGreaterThan(16 * 2 ** 20)
  })

  it('answers every search as a scanner compiled in the same instance', async () => {
    const manifest = JSON.parse(await readFile('snippets/manifest.json', 'utf8')) as Manifest
    const texts = new Set<string>()
    for (const s of manifest.snippets) {
      for (const line of (await readFile(join('snippets', s.file), 'utf8')).split('\n')) {
        if (line.trim()) texts.add(line)
      }
    }
    const lines = [...texts].filter((_, i) => i % 4 === 0).map((t) => engine.createString(t))
    lines.push(engine.createString('naïve 😀 ünïcode "text" = 42; // é'))
    let matched = 0
    for (const [source, pointer] of restored!) {
      const ours = new ImageScanner(exports, pointer)
      const own = engine.createScanner([source])
      for (const line of lines) {
        for (const start of [0, 7]) {
          const expected = own.findNextMatchSync(line, start, 0)
          expect(ours.findNextMatchSync(line, start, 0), source).toEqual(expected)
          if (expected) matched++
        }
      }
    }
    // Not a test of empty answers only.
    expect(matched).toBeGreaterThan(10_000)
  }, 60_000)

  it('is written the same way twice, with no temporary file left', async () => {
    const again = join(dir, 'again.image')
    writeImage(again, wasm, [...sources, ...INVALID])
    expect(readFileSync(again).equals(readFileSync(image))).toBe(true)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('is refused untouched when made for another module, damaged or missing', async () => {
    const bytes = readFileSync(image)
    const other = wasm.slice()
    other[other.length - 1]! ^= 1
    const cases: Array<[string, Uint8Array<ArrayBuffer>, Buffer | undefined]> = [
      ['another module', other, bytes],
      ['cut short', wasm, bytes.subarray(0, bytes.length - 4096)],
      ['a byte too many', wasm, Buffer.concat([bytes, Buffer.from([0])])],
      ['a damaged header', wasm, Buffer.concat([bytes.subarray(0, 4), Buffer.from('x'), bytes.subarray(5)])],
      ['a header of the wrong shape', wasm, imageOf({ runs: 'all', patterns: [] })],
      ['a run past the memory', wasm, imageOf({ runs: [[2 ** 31, 4096]], patterns: [] })],
      ['missing', wasm, undefined],
    ]
    for (const [name, module, content] of cases) {
      const file = join(dir, `${name}.image`)
      if (content) await writeFile(file, content)
      const target = await fresh()
      const before = new Uint8Array(target.memory.buffer).slice()
      expect(restoreImage(file, module, target), name).toBeUndefined()
      expect(Buffer.compare(new Uint8Array(target.memory.buffer), before), name).toBe(0)
    }
  })
})
