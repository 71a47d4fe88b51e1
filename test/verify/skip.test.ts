import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinTemplatesDir } from '../../src/paths.ts'
import { loadTarget } from '../../src/render/targets.ts'
import { createLogger } from '../../src/log.ts'
import { probeToolchain, toolchains } from '../../src/verify/toolchains.ts'
import { verify } from '../../src/verify/verify.ts'
import { projectSpecs, vectorsById } from './helpers.ts'

/** A copy of the node target whose runtime is a command that does not exist. */
async function targetWithMissingRuntime() {
  const dir = join(await mkdtemp(join(tmpdir(), 'polysnip-missing-')), 'ghost')
  await cp(join(builtinTemplatesDir, 'node'), dir, { recursive: true })
  const meta = JSON.parse(await readFile(join(dir, 'target.json'), 'utf8')) as Record<string, unknown>
  meta.id = 'ghost'
  meta.run = { toolchain: 'ghost', command: ['polysnip-no-such-runtime', 'index.mjs'] }
  await writeFile(join(dir, 'target.json'), JSON.stringify(meta))
  return loadTarget(dir)
}

describe('a missing toolchain', () => {
  it('is named with its install hint', async () => {
    const go = toolchains.go
    if (!go) throw new Error('set-up')
    const status = await probeToolchain({ ...go, probe: ['polysnip-no-such-go', 'version'] }, tmpdir())
    expect(status.version).toBeNull()
    expect(status.problem).toBe(
      'Go: polysnip-no-such-go is not installed; run scripts/install-toolchains.sh, or apt-get install -y golang-go',
    )
  })

  it('skips its runs with a warning, and --strict turns the skips into a failure', async () => {
    const specs = (await projectSpecs()).filter((s) => s.id === 'list-projects')
    const options = {
      specs,
      targets: [await targetWithMissingRuntime()],
      vectors: await vectorsById('rfc7617-aladdin'),
      rejected: [],
      cacheDir: null,
    }
    const warnings: string[] = []
    const sink = { write: (text: string) => Boolean(warnings.push(text)) } as unknown as NodeJS.WritableStream
    const lenient = await verify({ ...options, strict: false, logger: createLogger({ err: sink, out: sink }) })
    expect(lenient.ok).toBe(true)
    expect(lenient.counts).toMatchObject({ passed: 0, failed: 0, skipped: 4 })
    expect(lenient.table).toMatch(/^rfc7617-aladdin +skip$/m)
    expect(lenient.verification.snippets[0]).toMatchObject({ status: 'skipped', toolchainVersion: null })
    expect(warnings.join('')).toContain('polysnip-no-such-runtime is not installed; install polysnip-no-such-runtime (its runs are skipped)')

    const strict = await verify({ ...options, strict: true })
    expect(strict.ok).toBe(false)
    expect(strict.strict).toBe(true)
  })
})
