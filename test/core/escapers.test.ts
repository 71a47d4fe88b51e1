// Every escaper is proven by its real language: random and hostile strings become literals in
// one program per language, which prints each value's UTF-8 bytes as hex; the output must match.
// The same programs carry the strings in comments, which must not change what the program does.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TextCache } from '../../src/render/escapers/escaper.ts'
import { escapers } from '../../src/render/escapers/index.ts'
import { advance } from '../../src/render/tidy.ts'
import { hostile, tempDir } from './helpers.ts'
import { probePrograms } from './probe-programs.ts'
import { hasToolchain, runIn } from './toolchains.ts'

const random = fc.sample(fc.string({ unit: 'binary', maxLength: 24 }), { numRuns: 150, seed: 7617 })
const values = [...hostile, ...random]

const hexOf = (s: string) => Buffer.from(s, 'utf8').toString('hex')

describe.each(Object.keys(probePrograms))('%s string literals', (language) => {
  const probe = probePrograms[language as keyof typeof probePrograms]

  it('evaluate to exactly the original text', async () => {
    if (!(await hasToolchain(probe.toolchain))) return
    const escaper = escapers[probe.escaper]
    // A shell argument cannot hold NUL; the shell escaper refuses it (tested below).
    const cases = values.filter((v) => probe.escaper !== 'shell' || !v.includes('\0'))
    const program = probe.program(
      cases.map((v) => escaper.string(v)),
      cases.map((v) => escaper.comment(v)),
    )

    const dir = await tempDir(`polysnip-escape-${language}-`)
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, probe.file), program)
    const { stdout } = await runIn(dir, probe.command)

    const lines = stdout.split('\n').filter((l) => l.startsWith('='))
    expect(lines.map((l) => l.slice(1))).toEqual(cases.map(hexOf))
  }, 300_000)
})

describe('escaper details', () => {
  it('keeps comment lines and quoted text on the object given, and prints the same', () => {
    const long = `${'word '.repeat(30)}\nsecond line\u2028third`
    for (const escaper of Object.values(escapers)) {
      const cache: TextCache = {}
      const printed = escaper.comment(long)
      expect(escaper.comment(long, cache)).toBe(printed)
      expect(cache.commentLines?.length).toBe(4)
      // Printed again from the lines kept, by this escaper's own marker.
      expect(escaper.comment(long, cache)).toBe(printed)
    }
    // One spec text object serves every target: what one escaper keeps, the others must be able
    // to use.
    for (const value of values) {
      const cache: TextCache = {}
      for (const escaper of Object.values(escapers)) {
        if (value.includes('\0') && escaper === escapers.shell) continue
        expect(escaper.string(value, cache)).toBe(escaper.string(value))
        expect(escaper.comment(value, cache)).toBe(escaper.comment(value))
      }
    }
  })

  it('never emits a Java \\u escape for a quote, backslash or line break', () => {
    const literal = escapers.java.string('"\\\n\r\\u0022')
    expect(literal).toBe('"\\"\\\\\\n\\r\\\\u0022"')
    expect(escapers.java.string('£🔑')).toBe('"\\u00A3\\uD83D\\uDD11"')
  })

  it('never emits C# \\x, whose length is open-ended', () => {
    expect(escapers.csharp.string('\x01BC\u200b')).toBe('"\\u0001BC\\u200B"')
  })

  it('keeps PHP text single-quoted unless it has invisible characters', () => {
    expect(escapers.php.string("$x {$y} it's \\")).toBe("'$x {$y} it\\'s \\\\'")
    expect(escapers.php.string('$x\n')).toBe('"\\$x\\n"')
  })

  it('refuses NUL in a shell word and quotes everything else', () => {
    expect(() => escapers.shell.string('a\0b')).toThrow('NUL')
    expect(escapers.shell.string("it's")).toBe("'it'\\''s'")
    expect(escapers.shell.string('a\nb£\u200b')).toBe("$'a\\nb£\\xE2\\x80\\x8B'")
  })

  it('gives Go and C# raw literals only where they are exact', () => {
    expect(escapers.go.raw?.('{"a":"b"}')).toBe('`{"a":"b"}`')
    expect(escapers.go.raw?.('a`b')).toBeNull()
    expect(escapers.csharp.raw?.('{"a":"""x"}')).toBe('""""{"a":"""x"}""""')
    expect(escapers.csharp.raw?.('"quoted"')).toBeNull()
  })

  it('neutralises Java unicode escapes and PHP ?> in comments', () => {
    expect(escapers.java.comment('a \\u000a b')).toBe('// a \\\\u000a b')
    expect(escapers.php.comment('x ?> y')).toBe('// x ? > y')
    expect(escapers.go.comment('one\ntwo')).toBe('// one\n// two')
  })
})

// Compiled templates rely on this to skip tidy() (src/render/compiler/writer.ts, Writer.literal):
// whatever an escaper prints is never empty, starts with no line break, and leaves no blank at a
// line end, no blank line, no \r, U+2028 or U+2029 and no line break at its end.
describe('escaper output is tidy', () => {
  const json = fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 150, seed: 7618 })
  const texts = [...values, '', ' ', '\t', '\n', '\n\n\n', ' \n \n', 'a  \n\n\n  b  ', 'x'.repeat(200)]

  it.each(Object.keys(escapers))('%s', (name) => {
    const escaper = escapers[name as keyof typeof escapers]
    const printed: string[] = []
    for (const text of texts) {
      if (name !== 'shell' || !text.includes('\0')) printed.push(escaper.string(text))
      printed.push(escaper.comment(text), escaper.raw?.(text) ?? 'x')
    }
    for (const value of json) if (escaper.json) printed.push(escaper.json(value, '    '))
    for (const text of printed) {
      expect(text).not.toBe('')
      expect(text, JSON.stringify(text)).not.toMatch(/^\n|[\r\u2028\u2029]/)
      expect(advance(0, text), JSON.stringify(text)).toBe(0)
    }
  })
})
