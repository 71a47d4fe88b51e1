/**
 * The verification only proves something if each program really checks the server's
 * certificate: without the trust settings, every program must fail the TLS handshake (and so
 * send nothing), and with them it must get through.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderSnippet } from '../../src/render/render.ts'
import { baseEnvironment, trustEnvironment } from '../../src/verify/environment.ts'
import { runProcess } from '../../src/verify/process.ts'
import { startServer, type TestServer } from '../../src/verify/server.ts'
import { createTestCa, type TestCa } from '../../src/verify/tls.ts'
import { probeToolchain, toolchains } from '../../src/verify/toolchains.ts'
import { builtinTargets, projectSpecs, strict } from './helpers.ts'

const specs = await projectSpecs()
const targets = await builtinTargets()
const spec = specs.find((s) => s.id === 'list-projects')
if (!spec) throw new Error('test set-up: no list-projects spec')

let dir: string
let ca: TestCa
let server: TestServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polysnip-trust-test-'))
  ca = await createTestCa(dir)
  server = await startServer({ key: ca.key, cert: ca.cert })
})

afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

describe.each(targets.map((t) => [t.id, t] as const))('%s', (id, target) => {
  it('rejects the throwaway CA unless told to trust it', { timeout: 180_000 }, async (context) => {
    const toolchain = toolchains[target.run.toolchain]
    if (!toolchain) throw new Error(`no toolchain entry for ${target.run.toolchain}`)
    const status = await probeToolchain(toolchain, dir)
    if (!status.version) {
      if (strict) throw new Error(status.problem ?? 'toolchain missing')
      context.skip(status.problem ?? undefined)
    }

    const folder = await mkdtemp(join(dir, `${id}-`))
    await writeFile(join(folder, target.file), renderSnippet(spec, target, { baseUrl: server.baseUrl }))
    const creds = { AGORA_CUSTOMER_ID: 'id', AGORA_CUSTOMER_SECRET: 'secret' }
    const base = { ...baseEnvironment([]), ...creds }
    const [command = '', ...args] = target.run.command
    const run = (env: NodeJS.ProcessEnv) => runProcess(command, args, { cwd: folder, env, timeoutMs: 120_000 })

    // Set-up first (it restores .NET's packages), so that a failure without trust can only be
    // the TLS handshake's.
    const extra = (await toolchain.environment?.(ca)) ?? {}
    server.reset({ status: 200, body: '{"trusted":true}' })
    const untrusted = await run(base)
    expect(untrusted.code, untrusted.stderr).not.toBe(0)
    expect(server.requests()).toEqual([])

    server.reset({ status: 200, body: '{"trusted":true}' })
    const trusted = await run({ ...base, ...trustEnvironment(ca), ...extra })
    expect(trusted.code, trusted.stderr).toBe(0)
    expect(trusted.stdout).toContain('{"trusted":true}')
    expect(server.requests()).toHaveLength(1)
  })
})
