/**
 * The full verification, as `npm run verify -- --strict` runs it: every spec × target × vector,
 * inline and from the environment, plus the 401 check. Strict on CI, where a missing toolchain
 * is a failure. Passed runs are cached in .cache/verify, so a rerun with no change is quick.
 */
import { describe, expect, it } from 'vitest'
import { loadVectors } from '../../src/verify/vectors.ts'
import { verify } from '../../src/verify/verify.ts'
import { builtinTargets, projectSpecs, strict } from './helpers.ts'

describe('npm run verify', () => {
  it('passes every spec × target × vector × mode, and a rerun is served from the cache', { timeout: 1_200_000 }, async () => {
    const specs = await projectSpecs()
    const targets = await builtinTargets()
    const { accepted, rejected } = await loadVectors()

    const first = await verify({ specs, targets, strict })
    expect(first.failures).toBe('')
    expect(first.counts.failed).toBe(0)
    if (strict) expect(first.counts.skipped).toBe(0)
    expect(first.ok).toBe(true)
    expect(first.counts.refused).toBe(specs.length * rejected.length)

    // Per spec × target: each vector in both modes, and one 401 run per mode.
    expect(first.results).toHaveLength(specs.length * targets.length * (accepted.length * 2 + 2))

    const second = await verify({ specs, targets, strict })
    expect(second.counts.cached).toBe(first.counts.passed)
    expect(JSON.stringify(second.verification)).toBe(JSON.stringify(first.verification))
  })
})
