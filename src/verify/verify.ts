/**
 * `verify()`: every spec × target × vector × credential mode, run for real against a local
 * HTTPS server. Returns the results; writing files is up to the caller (see `write.ts`).
 */
import { availableParallelism, tmpdir } from 'node:os'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PolysnipError } from '../errors.ts'
import { silentLogger, type Logger } from '../log.ts'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import { createResultCache } from './cache.ts'
import { credentialModes, envNames, type CredentialMode } from './credentials.ts'
import { baseEnvironment, trustEnvironment } from './environment.ts'
import { planPrograms, type Program } from './plan.ts'
import { runPool } from './pool.ts'
import { identity, runProgram, type RunSetup } from './program.ts'
import { createProgress } from './progress.ts'
import { checkRejected } from './rejected.ts'
import type { RunResult } from './results.ts'
import { summarize, type VerifyReport } from './summary.ts'
import { createTestCa, type TestCa } from './tls.ts'
import {
  genericToolchain, probeToolchain, toolchains, type Toolchain, type ToolchainStatus,
} from './toolchains.ts'
import { loadVectors, selectVectors, type RejectedVector, type Vector } from './vectors.ts'

export interface VerifyOptions {
  /** Loaded specs (see `loadSpecs`). */
  specs: Spec[]
  /** Loaded targets (see `loadTargets`). */
  targets: Target[]
  /** Vectors to run. @default the accepted vectors of `vectorsFile` */
  vectors?: Vector[] | undefined
  /** Vectors the generator must refuse. @default the rejected vectors of `vectorsFile` */
  rejected?: RejectedVector[] | undefined
  /** @default test/vectors/basic-auth.json in the polysnip package */
  vectorsFile?: string | undefined
  /** Run only these vector ids. @default all */
  vectorIds?: string[] | undefined
  /** @default ['inline', 'env'] */
  modes?: readonly CredentialMode[] | undefined
  /** Programs run at the same time. @default the number of CPU cores */
  jobs?: number | undefined
  /** Folder of the passed-run cache, or null for none. @default '.cache/verify' */
  cacheDir?: string | null | undefined
  /** Treat a skipped run (missing toolchain) as a failure. @default process.env.CI === 'true' */
  strict?: boolean | undefined
  /** Time limit per program run, in milliseconds. @default 120_000 */
  timeoutMs?: number | undefined
  /** Keep failed programs and the test CA on disk, to run them again by hand. @default true */
  keepFailed?: boolean | undefined
  /** Progress and warnings. @default silentLogger */
  logger?: Logger | undefined
}

// Slow toolchains first, so that the cheap programs fill the gaps at the end.
const WEIGHT: Record<string, number> = { java: 0, dotnet: 1, go: 2 }

function toolchainFor(target: Target): Toolchain {
  const id = target.run.toolchain
  return toolchains[id] ?? genericToolchain(id, target.run.command[0] ?? id)
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now()
  const logger = options.logger ?? silentLogger
  const strict = options.strict ?? process.env.CI === 'true'
  const modes = options.modes ?? credentialModes
  const jobs = Math.max(1, options.jobs ?? availableParallelism())
  const cache = createResultCache(options.cacheDir === undefined ? '.cache/verify' : options.cacheDir)
  const { specs, targets } = options
  if (specs.length === 0 || targets.length === 0) {
    throw new PolysnipError('nothing to verify: no specs or no targets', {
      hint: 'check --spec and --target',
    })
  }

  const file = options.vectors && options.rejected ? null : await loadVectors(options.vectorsFile)
  const vectors = selectVectors(options.vectors ?? file?.accepted ?? [], options.vectorIds)
  const rejected = checkRejected(specs, options.rejected ?? file?.rejected ?? [])

  // Ask every toolchain the targets use for its version, all at once.
  const statuses = new Map<string, ToolchainStatus>()
  await Promise.all(
    [...new Set(targets.map(toolchainFor))].map(async (t) => {
      if (!statuses.has(t.id)) statuses.set(t.id, await probeToolchain(t, process.cwd()))
    }),
  )
  const versions = Object.fromEntries([...statuses].map(([id, s]) => [id, s.version]))
  for (const s of statuses.values()) if (s.problem) logger.warn(`${s.problem} (its runs are skipped)`)

  // Programs whose toolchain is missing are skipped with the reason and the install hint.
  const programs = planPrograms({ specs, targets, vectors, modes, versions })
  const results: RunResult[] = []
  const runnable: Program[] = []
  for (const program of programs) {
    const status = statuses.get(program.target.run.toolchain)
    if (status?.version) runnable.push(program)
    else results.push(...skip(program, status?.problem ?? 'toolchain missing'))
  }
  runnable.sort((a, b) => (WEIGHT[a.target.run.toolchain] ?? 9) - (WEIGHT[b.target.run.toolchain] ?? 9))

  // The CA and the work folder are made only when something has to run, so that a run where
  // every result is cached stays fast.
  let workDir: string | null = null
  const setups = new Map<string, Promise<RunSetup>>()
  const credentialNames = specs.flatMap((s) => Object.values(envNames(s)))
  let shared: Promise<{ dir: string; ca: TestCa }> | undefined
  const setupFor = (toolchain: Toolchain): Promise<RunSetup> => {
    let setup = setups.get(toolchain.id)
    if (!setup) {
      setup = (async () => {
        shared ??= mkdtemp(join(tmpdir(), 'polysnip-verify-')).then(async (dir) => {
          workDir = dir
          return { dir, ca: await createTestCa(dir) }
        })
        const { dir, ca } = await shared
        const extra = (await toolchain.environment?.(ca)) ?? {}
        const env = { ...baseEnvironment(credentialNames), ...trustEnvironment(ca), ...extra }
        return { ca, workDir: dir, env }
      })()
      setups.set(toolchain.id, setup)
    }
    return setup
  }

  const progress = createProgress(runnable, logger)
  try {
    await runPool(runnable, jobs, async (program) => {
      const toolchain = toolchainFor(program.target)
      const timeoutMs = options.timeoutMs ?? 120_000
      const setup = () => setupFor(toolchain)
      const runs = await runProgram(program, { toolchain, cache, timeoutMs, setup })
      results.push(...runs)
      progress(program, runs)
    })
  } catch (e) {
    // Set-up failed (no openssl, no keytool, …): nothing in the work folder is worth keeping.
    if (workDir) await rm(workDir, { recursive: true, force: true })
    throw e
  }

  const report = summarize({
    results, rejected, statuses, specs, targets, vectors, modes, strict, started,
  })
  const keep = report.counts.failed > 0 && (options.keepFailed ?? true)
  if (workDir && !keep) await rm(workDir, { recursive: true, force: true })
  else if (workDir) logger.warn(`failed programs and the test CA are kept in ${workDir}`)
  return report
}

function skip(program: Program, reason: string): RunResult[] {
  return program.runs.map((run) => ({
    ...identity(program, run),
    status: 'skipped',
    cached: false,
    problems: [reason],
    exitCode: null,
    durationMs: 0,
  }))
}

export type { VerifyReport }
