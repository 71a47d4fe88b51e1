/**
 * The `polysnip` command. Exit status: 0 success, 1 drift found by --check, 2 bad input,
 * 70 an internal error (a bug: please report it).
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { isPolysnipError, PolysnipError } from '../errors.ts'
import { createLogger, type Logger } from '../log.ts'
import { generate } from '../emit/generate.ts'
import { checkOutput, writeOutput } from '../emit/write.ts'
import { loadTargets, selectTargets } from '../render/targets.ts'
import { loadSpecs } from '../spec/load.ts'
import { parseCliArgs, USAGE, type GenArgs } from './args.ts'

const SPEC_FILE = /\.(ya?ml|json)$/

/** Every spec file directly in `dir`, sorted by name. */
export async function findSpecFiles(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (cause) {
    throw new PolysnipError(`cannot read the specs folder "${dir}"`, {
      hint: 'run polysnip from your project folder, or pass --spec FILE',
      cause,
    })
  }
  const files = names.filter((n) => SPEC_FILE.test(n)).sort().map((n) => join(dir, n))
  if (files.length === 0) {
    throw new PolysnipError(`no spec files in "${dir}"`, { hint: 'add a .yaml spec or pass --spec FILE' })
  }
  return files
}

async function gen(args: GenArgs, log: Logger): Promise<number> {
  const specFiles = args.specs.length > 0 ? args.specs : await findSpecFiles('specs')
  const specs = await loadSpecs(specFiles, { logger: log })
  const targets = selectTargets(await loadTargets(args.templates), args.targets)
  const { files, manifest } = generate(specs, targets)
  const count = `${specs.length} spec${specs.length === 1 ? '' : 's'} × ${targets.length} targets`

  if (args.check) {
    const drift = await checkOutput(args.out, files)
    const lines = [
      ...drift.changed.map((f) => `  changed: ${join(args.out, f)}`),
      ...drift.missing.map((f) => `  missing: ${join(args.out, f)}`),
      ...drift.stale.map((f) => `  stale:   ${join(args.out, f)}`),
    ]
    if (lines.length > 0) {
      log.error(`${lines.length} file(s) differ from the specs:\n${lines.join('\n')}`)
      log.error('run "npm run gen" (or polysnip gen) and commit the result')
      return 1
    }
    log.info(`${count}: ${args.out}/ is up to date`)
    return 0
  }

  const result = await writeOutput(args.out, files)
  log.info(
    `${count} → ${manifest.snippets.length} snippets in ${args.out}/ ` +
      `(${result.written.length} written, ${result.unchanged.length} unchanged` +
      `${result.removed.length ? `, ${result.removed.length} removed` : ''})`,
  )
  return 0
}

export async function main(argv: string[], log?: Logger): Promise<number> {
  let logger = log ?? createLogger()
  try {
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
