// Every golden program is compiled and run by its real toolchain against a closed local port:
// it must get as far as sending, then report the transport error on stderr and exit non-zero.
// This proves that fixture programs (every method, hostile literals, mixed credential modes)
// compile, without needing a server. `npm run verify` proves the requests themselves.
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { renderSnippet } from '../../src/render/render.ts'
import { loadTargets } from '../../src/render/targets.ts'
import { loadSpecFile } from '../../src/spec/load.ts'
import { goldenSpecFiles, tempDir } from './helpers.ts'
import { hasToolchain } from './toolchains.ts'

const run = promisify(execFile)
const targets = await loadTargets()

/** A port that refuses connections: bound and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 1
}

const toolchainOf: Record<string, string> = { dotnet: 'dotnet', curl: 'bash' }

describe.each(targets.map((t) => [t.id, t] as const))('%s programs', (_id, target) => {
  it.each(goldenSpecFiles)('%s compiles, runs and reports a refused connection', async (file) => {
    if (!(await hasToolchain(toolchainOf[target.run.toolchain] ?? target.run.toolchain))) return
    const spec = await loadSpecFile(file)
    const port = await closedPort()
    const code = renderSnippet(spec, target, { baseUrl: `https://127.0.0.1:${port}` })

    const dir = join(await tempDir(), basename(file).replace(/\.\w+$/, ''))
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, target.file), code)
    const env = { ...process.env, LC_ALL: 'C.UTF-8', API_SECRET: 's', API_USER: 'u' }
    Object.assign(env, { AGORA_CUSTOMER_ID: 'id', AGORA_CUSTOMER_SECRET: 'secret' })

    const [cmd = '', ...args] = target.run.command
    const result = await run(cmd, args, { cwd: dir, env, timeout: 120_000 }).then(
      () => ({ exit: 0, stderr: '' }),
      (e: { code?: number; stderr?: string }) => ({ exit: e.code ?? -1, stderr: e.stderr ?? '' }),
    )

    expect(result.exit, result.stderr).not.toBe(0)
    // The program's own message (curl's for the shell target), not a compiler's.
    expect(result.stderr).toMatch(target.id === 'curl' ? /curl: \(7\)/ : /^error: /m)
    expect(result.stderr).not.toMatch(/build failed|SyntaxError|Parse error|cannot find symbol/i)
  }, 180_000)
})
