/**
 * On a machine whose NuGet package folder is empty, C# programs still verify: the verifier
 * restores the packages file-based programs need with the caller's environment first, since
 * the programs themselves run trusting only the test CA and so cannot reach NuGet's feed.
 * Needs the network to the NuGet feed, as any first `dotnet run` does.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { verify } from '../../src/verify/verify.ts'
import { hasToolchain } from '../core/toolchains.ts'
import { builtinTargets, projectSpecs, strict } from './helpers.ts'

// NuGet's package folder and its HTTP cache (which could answer a restore offline), both empty.
const dir = await mkdtemp(join(tmpdir(), 'polysnip-nuget-'))
const packages = join(dir, 'packages')
const saved = { NUGET_PACKAGES: process.env.NUGET_PACKAGES, NUGET_HTTP_CACHE_PATH: process.env.NUGET_HTTP_CACHE_PATH }

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  await rm(dir, { recursive: true, force: true })
})

describe('verify with an empty NuGet package folder', () => {
  it('runs C# programs after restoring their packages', { timeout: 600_000 }, async (context) => {
    if (!(await hasToolchain('dotnet'))) context.skip('dotnet is not installed')
    process.env.NUGET_PACKAGES = packages
    process.env.NUGET_HTTP_CACHE_PATH = join(dir, 'http-cache')
    const specs = (await projectSpecs()).filter((s) => s.id === 'list-projects')
    const targets = (await builtinTargets()).filter((t) => t.id === 'csharp')

    const report = await verify({
      specs,
      targets,
      strict,
      cacheDir: null,
      modes: ['inline'],
      vectorIds: ['rfc7617-aladdin'],
    })

    expect(report.failures).toBe('')
    expect(report.counts.passed).toBe(2)
    expect((await readdir(packages)).length).toBeGreaterThan(0)
  })
})
