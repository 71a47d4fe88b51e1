/**
 * Runs one program against the local server: render it with the server's base URL, build it
 * once when it serves several vectors, run it for each vector and check what arrived and what
 * it printed. Runs that passed before (same key) are not repeated.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { renderSnippet } from '../render/render.ts'
import type { ResultCache } from './cache.ts'
import { compareRequest } from './compare.ts'
import type { PlannedRun, Program } from './plan.ts'
import { runProcess, type ProcessResult } from './process.ts'
import type { RunResult } from './results.ts'
import { startServer, type RecordedRequest, type Reply } from './server.ts'
import type { TestCa } from './tls.ts'
import type { Toolchain } from './toolchains.ts'

/** What a program needs once it actually has to run (made lazily, see verify.ts). */
export interface RunSetup {
  ca: TestCa
  /** Environment with the CA trust settings, without credentials. */
  env: NodeJS.ProcessEnv
  /** Folder for the programs' temporary folders. */
  workDir: string
}

export interface ProgramContext {
  toolchain: Toolchain
  cache: ResultCache
  /** Per-run limit; a first `dotnet run` or `go run` builds, so it is generous. */
  timeoutMs: number
  setup(): Promise<RunSetup>
}

const MAX_SHOWN = 4000
const trimmed = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\n…` : text)

// The cause of a crash is at the end of a stack trace, so stderr is shortened from the top. The
// JVM's note about JAVA_TOOL_OPTIONS is the verifier's own doing and only hides the error.
const TAIL_LINES = 20
function stderrTail(text: string): string {
  const lines = text.trimEnd().split('\n').filter((l) => !l.startsWith('Picked up JAVA_TOOL_OPTIONS'))
  const shown = lines.length > TAIL_LINES ? ['…', ...lines.slice(-TAIL_LINES)] : lines
  return trimmed(shown.join('\n'))
}

function describeRequest(requests: RecordedRequest[]): string {
  if (requests.length === 0) return '(none)'
  return requests
    .map((r) => {
      const headers = r.headers.map(([n, v]) => `${n}: ${v}`).join('\n')
      const body = r.body.length ? `\n\n${r.body.toString('utf8')}` : ''
      return `${r.method} ${r.url}\n${headers}${body}`
    })
    .join('\n---\n')
}

/** A fresh value per run, so printing the body cannot be faked by printing a constant. */
const token = () => randomBytes(8).toString('hex')

type RunIdentity = Pick<RunResult, 'spec' | 'target' | 'toolchain' | 'mode' | 'vector' | 'kind'>

/** The fields that name one run in the results, from its program and planned run. */
export function identity(program: Program, run: PlannedRun): RunIdentity {
  return {
    spec: program.spec.id,
    target: program.target.id,
    toolchain: program.target.run.toolchain,
    mode: program.mode,
    vector: run.vector.id,
    kind: run.kind,
  }
}

/** What must be true of the program's exit and output, besides the request itself. */
function checkOutcome(
  run: PlannedRun,
  reply: Reply,
  result: ProcessResult,
  answered: boolean,
): string[] {
  if (result.error) return [`the program did not finish: ${result.error}`]
  // Without a request there was no reply to print; the exit code is all that is left to say.
  if (!answered) {
    return result.code === 0
      ? ['the program exited 0 without sending a request']
      : [`the program exited ${result.code}`]
  }
  if (run.kind === 'unauthorized') {
    return result.code === 0 ? ['the server answered 401, but the program exited 0'] : []
  }
  const problems: string[] = []
  if (result.code !== 0) problems.push(`the program exited ${result.code} after a ${reply.status} reply`)
  if (!result.stdout.includes(reply.body)) problems.push('the program did not print the response body')
  return problems
}

export async function runProgram(program: Program, context: ProgramContext): Promise<RunResult[]> {
  const results: RunResult[] = []
  const pending: PlannedRun[] = []
  for (const run of program.runs) {
    if (await context.cache.has(run.cacheKey)) {
      const cached = { status: 'passed', cached: true, exitCode: 0, durationMs: 0 } as const
      results.push({ ...identity(program, run), ...cached, problems: [] })
    } else {
      pending.push(run)
    }
  }
  if (pending.length === 0) return results

  const { target } = program
  const { ca, env, workDir } = await context.setup()
  const dir = await mkdtemp(join(workDir, `${program.spec.id}-${target.id}-${program.mode}-`))
  const server = await startServer({ key: ca.key, cert: ca.cert })
  let failed = false
  try {
    const source = renderSnippet(program.rendered, target, { baseUrl: server.baseUrl })
    await writeFile(join(dir, target.file), source)

    // Build once when the program serves several runs; otherwise run the published command.
    let command = target.run.command
    const build = pending.length > 1 ? context.toolchain.build : undefined
    if (build) {
      const built = await build({ dir, file: target.file, env })
      if ('error' in built) {
        failed = true
        for (const run of pending) {
          results.push({
            ...identity(program, run),
            status: 'failed',
            cached: false,
            exitCode: null,
            problems: ['the program did not compile'],
            stderr: stderrTail(built.error),
            programDir: dir,
            durationMs: 0,
          })
        }
        return results
      }
      command = built.command
    }

    for (const run of pending) {
      const reply: Reply =
        run.kind === 'ok'
          ? { status: program.spec.expect.status, body: JSON.stringify({ verified: token() }) }
          : { status: 401, body: '{"message":"Invalid authentication credentials"}' }
      server.reset(reply)
      const [bin = '', ...args] = command
      const outcome = await runProcess(bin, args, {
        cwd: dir,
        env: { ...env, ...run.credentialEnv },
        timeoutMs: context.timeoutMs,
      })
      const requests = server.requests()
      const problems = [
        ...compareRequest(requests, run.expectation),
        ...checkOutcome(run, reply, outcome, requests.length > 0),
      ]
      const common = {
        ...identity(program, run),
        cached: false,
        exitCode: outcome.code,
        durationMs: outcome.durationMs,
      }
      if (problems.length === 0) {
        // Once the published command has built and passed, the other runs start its build.
        const reuse = command === target.run.command ? context.toolchain.reuse : undefined
        if (reuse && pending.length > 1) command = reuse({ dir, file: target.file, env }) ?? command
        await context.cache.remember(run.cacheKey)
        results.push({ ...common, status: 'passed', problems })
        continue
      }
      failed = true
      results.push({
        ...common,
        status: 'failed',
        problems,
        stdout: trimmed(outcome.stdout),
        stderr: stderrTail(outcome.stderr),
        request: trimmed(describeRequest(requests)),
        programDir: dir,
      })
    }
    return results
  } finally {
    await server.close()
    // A failed program stays on disk so that it can be run by hand.
    if (!failed) {
      await rm(dir, { recursive: true, force: true })
      await context.toolchain.cleanup?.({ dir, file: target.file, env })
    }
  }
}
