// Runs real toolchains from tests. A missing toolchain skips locally but fails under CI=true,
// where every toolchain must be installed (scripts/install-toolchains.sh).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

const probes: Record<string, string[]> = {
  go: ['go', 'version'],
  node: ['node', '--version'],
  php: ['php', '--version'],
  python: ['python3', '--version'],
  java: ['java', '-version'],
  dotnet: ['dotnet', '--version'],
  bash: ['bash', '--version'],
}

const found = new Map<string, boolean>()

/** Whether a toolchain is installed; under CI a missing one throws instead. */
export async function hasToolchain(id: string): Promise<boolean> {
  if (!found.has(id)) {
    const [cmd, ...args] = probes[id] ?? [id, '--version']
    const ok = await run(cmd ?? id, args).then(() => true, () => false)
    found.set(id, ok)
  }
  const ok = found.get(id) ?? false
  if (!ok && process.env.CI === 'true') {
    throw new Error(`toolchain "${id}" is missing; CI must install it (scripts/install-toolchains.sh)`)
  }
  return ok
}

export interface RunResult {
  stdout: string
  stderr: string
}

/** Runs a command in `cwd` with a UTF-8 locale, failing with its output on a non-zero exit. */
export async function runIn(cwd: string, cmd: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const [file, ...args] = cmd
  try {
    return await run(file ?? '', args, {
      cwd,
      env: { ...process.env, LC_ALL: 'C.UTF-8', DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    })
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string }
    throw new Error(`${cmd.join(' ')} failed in ${cwd}:\n${err.stderr ?? ''}\n${err.stdout ?? ''}`.slice(0, 8000))
  }
}
