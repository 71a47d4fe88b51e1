import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cacheKey, createResultCache } from '../../src/verify/cache.ts'

describe('the passed-run cache', () => {
  it('remembers keys, and survives its folder being removed mid-run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polysnip-cache-test-'))
    const cache = createResultCache(dir)
    const a = cacheKey({ source: 'a' })
    const b = cacheKey({ source: 'b' })
    expect(await cache.has(a)).toBe(false)
    await cache.remember(a)
    expect(await cache.has(a)).toBe(true)

    await rm(dir, { recursive: true, force: true })
    await cache.remember(b)
    expect(await cache.has(b)).toBe(true)
    expect(await cache.has(a)).toBe(false)
  })

  it('keys differ when any part differs', () => {
    expect(cacheKey({ source: 'x', version: 'Go 1.19.8' })).not.toBe(cacheKey({ source: 'x', version: 'Go 1.20' }))
  })

  it('remembers nothing when turned off', async () => {
    const cache = createResultCache(null)
    await cache.remember('k')
    expect(await cache.has('k')).toBe(false)
  })
})
