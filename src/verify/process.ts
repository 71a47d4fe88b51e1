/**
 * Runs one external command and collects everything about how it ended. Never throws: a missing
 * command, a timeout and a crash are all results the verifier reports.
 */
import { spawn } from 'node:child_process'

export interface ProcessOptions {
  cwd: string
  /** The complete environment of the child. @default process.env */
  env?: NodeJS.ProcessEnv
  /** Kill the command (and its children) after this long. @default 60_000 */
  timeoutMs?: number
}

export interface ProcessResult {
  /** Exit code; null when the command could not start or was killed. */
  code: number | null
  stdout: string
  stderr: string
  /** The command is not installed (ENOENT). */
  missing: boolean
  timedOut: boolean
  /** Why the command could not start, if it could not. */
  error: string | null
  durationMs: number
}

// Output beyond this is dropped: a runaway program must not exhaust memory.
const MAX_OUTPUT = 1 << 20

export function runProcess(
  command: string,
  args: string[],
  options: ProcessOptions,
): Promise<ProcessResult> {
  const started = performance.now()
  const timeoutMs = options.timeoutMs ?? 60_000

  return new Promise((resolve) => {
    // A process group of its own, so a timeout also ends what the command started (go run's
    // binary, dotnet's child process).
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let size = 0
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_OUTPUT) into.push(chunk)
    }
    child.stdout.on('data', collect(out))
    child.stderr.on('data', collect(err))

    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
    }, timeoutMs)

    let startError: NodeJS.ErrnoException | null = null
    child.on('error', (e) => {
      startError = e
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const error = startError as NodeJS.ErrnoException | null
      resolve({
        code: error ? null : code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        missing: error?.code === 'ENOENT',
        timedOut,
        error: error ? error.message : timedOut ? `timed out after ${timeoutMs / 1000} s` : null,
        durationMs: Math.round(performance.now() - started),
      })
    })
  })
}
