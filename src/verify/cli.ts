/**
 * `polysnip verify`: parses its options, loads the project, runs `verify()` and prints the
 * table, the failures and where the reports went. Exit status: 0 every run passed, 1 a run
 * failed (or, with --strict, was skipped), 2 bad input.
 */
import { parseArgs } from 'node:util'
import { PolysnipError } from '../errors.ts'
import { createLogger, type Logger } from '../log.ts'
import { resolveProject } from '../config/resolve.ts'
import { loadTargets, selectTargets } from '../render/targets.ts'
import { loadSpecs } from '../spec/load.ts'
import type { CredentialMode } from './credentials.ts'
import { verify } from './verify.ts'
import { writeReport, writeVerification } from './write.ts'

export const VERIFY_USAGE = `Usage: polysnip verify [options]

Runs every generated program with its real toolchain (go, node, php, python3, java, dotnet,
bash + curl) against a local HTTPS server, for every credential vector, with the credentials
inline and from environment variables, and checks the request that arrives.

Options:
  --spec PATH       A spec file or folder (repeatable). Default: the config's, else specs/
  --target ID       Only these targets (repeatable, or comma-separated).
  --vector ID       Only these vectors (repeatable, or comma-separated).
  --vectors FILE    Vectors file. Default: test/vectors/basic-auth.json
  --mode MODE       inline or env (repeatable). Default: both.
  --templates DIR   A folder of extra or overriding targets (repeatable).
  --out DIR         Where verification.json goes (beside manifest.json). Default: snippets/
  --report FILE     Also write every run as JSON. Default: .cache/verify/report.json
  --jobs N          Programs run at once. Default: the number of CPU cores.
  --no-cache        Run everything, ignoring passed runs remembered in .cache/verify/.
  --strict          A skipped run (missing toolchain) fails. Always on when CI=true.
  --quiet           Print the table and failures only.
  -h, --help        Show this help.

verification.json is written only when every spec, target and vector is run.
Exit status: 0 all passed, 1 a run failed (or was skipped, with --strict), 2 bad input.`

const list = (values: string[] | undefined) =>
  (values ?? []).flatMap((v) => v.split(',')).filter(Boolean)

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        spec: { type: 'string', multiple: true },
        target: { type: 'string', multiple: true },
        vector: { type: 'string', multiple: true },
        vectors: { type: 'string' },
        mode: { type: 'string', multiple: true },
        templates: { type: 'string', multiple: true },
        out: { type: 'string' },
        report: { type: 'string' },
        jobs: { type: 'string' },
        'no-cache': { type: 'boolean' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (cause) {
    throw new PolysnipError((cause as Error).message, { hint: 'run polysnip verify --help', cause })
  }
}

export async function verifyCommand(argv: string[], logger: Logger): Promise<number> {
  const values = parse(argv)
  if (values.help) {
    process.stdout.write(`${VERIFY_USAGE}\n`)
    return 0
  }
  const modes = list(values.mode)
  const bad = modes.find((m) => m !== 'inline' && m !== 'env')
  if (bad) throw new PolysnipError(`unknown mode "${bad}"`, { hint: 'use --mode inline or --mode env' })
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) {
    throw new PolysnipError(`--jobs must be a positive whole number, not "${values.jobs}"`, {
      hint: 'e.g. --jobs 2',
    })
  }

  const { spec, out, templates } = values
  const project = await resolveProject({ specs: spec, out, templates })
  const specs = await loadSpecs(project.specFiles, { logger })
  const targetIds = list(values.target)
  const known = await loadTargets(project.templates)
  const targets = selectTargets(known, targetIds.length ? targetIds : project.targets)
  const vectorIds = list(values.vector)
  // --quiet keeps the table and failures (stdout) and errors, and drops progress.
  const log = (values.quiet ? createLogger({ quiet: true }) : logger).fork('verify')

  const report = await verify({
    specs,
    targets,
    vectorsFile: values.vectors,
    vectorIds,
    modes: modes.length ? (modes as CredentialMode[]) : undefined,
    jobs,
    cacheDir: values['no-cache'] ? null : '.cache/verify',
    strict: values.strict || undefined,
    logger: log,
  })

  process.stdout.write(`${report.table}\n`)
  if (report.failures) process.stdout.write(`\n${report.failures}\n`)
  const { passed, failed, skipped, cached, refused } = report.counts
  const seconds = (report.durationMs / 1000).toFixed(1)
  log.info(
    `${passed} passed (${cached} cached), ${failed} failed, ${skipped} skipped; ` +
      `${refused} forbidden vectors refused; ${seconds} s`,
  )

  const reportFile = values.report ?? '.cache/verify/report.json'
  await writeReport(reportFile, report)
  const partial =
    targetIds.length > 0 || vectorIds.length > 0 || modes.length > 0 || values.vectors !== undefined
  if (!partial) log.info(`wrote ${await writeVerification(project.out, report)} and ${reportFile}`)
  else log.info(`wrote ${reportFile} (not verification.json: this run covered only part of the matrix)`)

  if (!report.ok && failed === 0) {
    log.error(`${skipped} runs skipped and --strict is on: install the missing toolchains`)
  }
  return report.ok ? 0 : 1
}
