/**
 * The `polysnip` command. Exit status: 0 success, 1 drift found by --check, 2 bad input,
 * 70 an internal error (a bug: please report it).
 */
import { join } from 'node:path'
import { isPolysnipError } from '../errors.ts'
import { createLogger, type Logger } from '../log.ts'
import { buildProject, type BuildResult } from '../config/project.ts'
import type { Project } from '../config/resolve.ts'
import { MANIFEST_FILE } from '../emit/generate.ts'
import { DriftCheck, OutputWriter } from '../emit/write.ts'
import type { Stamps } from '../emit/stamps.ts'
import { parseCliArgs, USAGE, type GenArgs } from './args.ts'

async function gen(args: GenArgs, log: Logger): Promise<number> {
  // Files go to the folder (or are compared with it) as they are made, not all held at once.
  let sink: OutputWriter | DriftCheck | undefined
  const open = async (project: Project, stamps?: Stamps) => {
    sink = args.check ? new DriftCheck(project.out) : await OutputWriter.open(project.out, { stamps })
    return sink
  }
  let built: BuildResult
  try {
    built = await buildProject({
      config: args.config,
      specs: args.specs,
      out: args.out,
      targets: args.targets,
      templates: args.templates,
      formats: args.formats,
      cache: args.cache,
      logger: log,
      // Not for --check, which reads every file anyway.
      stamps: !args.check,
      sink: open,
    })
  } catch (e) {
    if (sink instanceof OutputWriter) await sink.abort()
    throw e
  }
  const { files, manifest, specs, targets, project, rendered } = built
  const out = project.out
  const count = `${specs.length} spec${specs.length === 1 ? '' : 's'} × ${targets.length} targets`
  const manifestText = files.get(MANIFEST_FILE) ?? ''

  if (sink instanceof DriftCheck) {
    await sink.add(MANIFEST_FILE, manifestText)
    const drift = await sink.finish()
    const lines = [
      ...drift.changed.map((f) => `  changed: ${join(out, f)}`),
      ...drift.missing.map((f) => `  missing: ${join(out, f)}`),
      ...drift.stale.map((f) => `  stale:   ${join(out, f)}`),
    ]
    if (lines.length > 0) {
      log.error(`${lines.length} file(s) differ from the specs:\n${lines.join('\n')}`)
      log.error('run "npm run gen" (or polysnip gen) and commit the result')
      return 1
    }
    log.info(`${count}: ${out}/ is up to date`)
    return 0
  }
  if (!(sink instanceof OutputWriter)) throw new Error('unreachable: buildProject opens the sink')

  const result = await sink.commit(manifestText)
  log.info(
    `${count} → ${manifest.snippets.length} snippets` +
      `${manifest.formats.length ? ` (+ ${manifest.formats.join(', ')})` : ''} in ${out}/ ` +
      `(${rendered} rendered, ${result.written.length} written, ${result.unchanged.length} unchanged` +
      `${result.removed.length ? `, ${result.removed.length} removed` : ''})`,
  )
  return 0
}

export async function main(argv: string[], log?: Logger): Promise<number> {
  let logger = log ?? createLogger()
  try {
    // `verify` has options of its own (see src/verify/cli.ts).
    // Loaded on demand: `gen` needs none of the verifier (nor the template engine it imports).
    if (argv[0] === 'verify') {
      const { verifyCommand } = await import('../verify/cli.ts')
      return await verifyCommand(argv.slice(1), logger)
    }
    const args = parseCliArgs(argv)
    if (args.command === 'help') {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    if (args.quiet && !log) logger = createLogger({ quiet: true })
    return await gen(args, logger)
  } catch (e) {
    if (isPolysnipError(e)) {
      logger.error(e.format())
      return 2
    }
    logger.error(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    logger.error('this is a bug in polysnip; please report it with the command you ran')
    return 70
  }
}
