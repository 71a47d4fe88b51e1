// Pruning of the generation cache: the least recently used generations go, but never one that
// another run may be reading right now.
import { mkdirSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IN_USE_MS, prune } from '../../src/emit/cache-generations.ts'

const name = (n: number) => n.toString(16).padStart(16, '0')

function generation(dir: string, n: number, ageMs: number): void {
  mkdirSync(join(dir, name(n)))
  const when = new Date(Date.now() - ageMs)
  utimesSync(join(dir, name(n)), when, when)
}

describe('generation pruning', () => {
  it('keeps the current generation and the three used last, and drops older idle ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polysnip-prune-'))
    for (let n = 1; n <= 6; n++) generation(dir, n, IN_USE_MS + n * 60_000)

    await prune(dir, name(99))

    expect(readdirSync(dir).sort()).toEqual([name(1), name(2), name(3), name(99)])
  })

  it('never drops a generation used within the in-use window, however many there are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polysnip-prune-'))
    for (let n = 1; n <= 6; n++) generation(dir, n, n * 1000)
    generation(dir, 7, IN_USE_MS + 60_000)

    await prune(dir, name(99))

    const left = readdirSync(dir).sort()
    expect(left).toEqual([1, 2, 3, 4, 5, 6, 99].map(name))
  })
})
