/**
 * Loads spec files through the generation cache: a file whose exact bytes are cached gives its
 * parsed spec back (and replays the warnings it had), the others are parsed as `loadSpecs` would.
 */
import { PolysnipError, throwIfAny } from '../errors.ts'
import type { Logger } from '../log.ts'
import { duplicateIds, loadSpecFile, parseSpec } from '../spec/load.ts'
import type { Spec } from '../spec/model.ts'
import type { GenCache } from './cache.ts'

/** A logger that also keeps the warnings, so the cache can replay them on later runs. */
function recording(logger: Logger, warnings: string[]): Logger {
  return { ...logger, warn: (message) => { warnings.push(message); logger.warn(message) } }
}

function parseOne(file: string, cache: GenCache, logger: Logger): Spec {
  const found = cache.load(file)
  if ('spec' in found) {
    for (const warning of found.warnings) logger.warn(warning)
    return found.spec
  }
  const warnings: string[] = []
  const spec = parseSpec(found.bytes.toString('utf8'), file, { logger: recording(logger, warnings) })
  cache.parsed(file, warnings)
  return spec
}

/** Like `loadSpecs`: every file's problems are collected, and an id used twice is an error. */
export async function loadSpecsCached(
  files: string[],
  cache: GenCache,
  logger: Logger,
): Promise<Spec[]> {
  const errors: PolysnipError[] = []
  const specs: Spec[] = []
  for (const file of files) {
    try {
      specs.push(parseOne(file, cache, logger))
    } catch (e) {
      const unreadable = typeof (e as NodeJS.ErrnoException).code === 'string'
      // An unreadable file gets loadSpecs' own message (with its hint) instead of the raw one.
      const error = unreadable ? await loadSpecFile(file).then(() => e, (r: unknown) => r) : e
      const many = (error as { errors?: PolysnipError[] } | null)?.errors
      if (error instanceof PolysnipError) errors.push(error)
      else if (Array.isArray(many)) errors.push(...many)
      else throw error
    }
  }
  errors.push(...duplicateIds(specs))
  throwIfAny(errors)
  return specs
}
