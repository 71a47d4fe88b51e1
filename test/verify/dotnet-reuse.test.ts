/**
 * Env-mode C# runs start the build that the first `dotnet run app.cs` made. If the verifier
 * looked in the wrong folder, it would quietly fall back to `dotnet run` and lose the speed, so
 * this checks the folder against a real SDK, and that the build is removed afterwards.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { builtCommand, removeBuild, runfileFolder } from '../../src/verify/dotnet-reuse.ts'
import { runProcess } from '../../src/verify/process.ts'
import { hasToolchain } from '../core/toolchains.ts'

const dir = await mkdtemp(join(tmpdir(), 'polysnip-dotnet-reuse-'))
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('reusing the build of dotnet run app.cs', () => {
  it('finds, starts and removes the build', { timeout: 300_000 }, async (context) => {
    if (!(await hasToolchain('dotnet'))) context.skip('dotnet is not installed')
    const env = { ...process.env, DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' }
    const said = `built ${Date.now()}`
    await writeFile(join(dir, 'app.cs'), `System.Console.WriteLine("${said}");\n`)
    expect(builtCommand(dir, 'app.cs', env)).toBeNull()

    const first = await runProcess('dotnet', ['run', 'app.cs'], { cwd: dir, env, timeoutMs: 240_000 })
    expect(first.stdout).toContain(said)
    const command = builtCommand(dir, 'app.cs', env)
    expect(command).not.toBeNull()

    const [bin = '', ...args] = command ?? []
    const again = await runProcess(bin, args, { cwd: dir, env, timeoutMs: 60_000 })
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(said)

    await removeBuild(dir, 'app.cs', env)
    expect(existsSync(runfileFolder(dir, 'app.cs', env))).toBe(false)
  })
})
