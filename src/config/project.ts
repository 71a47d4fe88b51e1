/**
 * The whole `gen` pipeline as one library call: resolve the project, load specs and targets,
 * generate every output. The CLI, the Astro integration and scripts all go through here.
 */
import { PolysnipError, throwIfAny } from '../errors.ts'
import { GenCache } from '../emit/cache.ts'
import { loadSpecsCached } from '../emit/cached-specs.ts'
import { generate, type Output } from '../emit/generate.ts'
import { Stamps, stampFileFor } from '../emit/stamps.ts'
import type { OutputSink } from '../emit/write.ts'
import { readVerification } from '../emit/formats/verification.ts'
import { silentLogger, type Logger } from '../log.ts'
import { loadTargets, selectTargets, type Target } from '../render/targets.ts'
import { loadSpecs } from '../spec/load.ts'
import type { Spec } from '../spec/model.ts'
import { resolveProject, type Project, type ProjectOptions } from './resolve.ts'

export interface BuildOptions extends ProjectOptions {
  /** Receives spec warnings. @default silentLogger */
  logger?: Logger | undefined
  /**
   * Reads what the last run wrote into the output folder and stats those files first thing
   * (see `Stamps.observe`), for `writeOutput({ stamps })` or the sink; needs the generation
   * cache. @default false
   */
  stamps?: boolean | undefined
  /**
   * Where each output file goes as soon as it is made (see `OutputWriter`), chosen once the
   * project is resolved, given the stamps read for it; `files` then holds only the manifest.
   * @default every file kept in `files`
   */
  sink?: ((project: Project, stamps?: Stamps) => OutputSink | Promise<OutputSink>) | undefined
}

export interface BuildResult extends Output {
  project: Project
  specs: Spec[]
  targets: Target[]
  /** The output folder's record, when `stamps` was asked for and the cache is on. */
  stamps?: Stamps | undefined
}

/** Compiles every template, reporting each one's syntax errors together, as loading does. */
async function compileAll(targets: Target[]): Promise<void> {
  const { compileTarget } = await import('../render/engine.ts')
  const errors: PolysnipError[] = []
  for (const target of targets) {
    try {
      compileTarget(target)
    } catch (e) {
      if (!(e instanceof PolysnipError)) throw e
      errors.push(e)
    }
  }
  throwIfAny(errors)
}

/** Generates every output of a project in memory; write it with `writeOutput(project.out, files)`. */
export async function buildProject(options: BuildOptions = {}): Promise<BuildResult> {
  const project = await resolveProject(options)
  const stamps = options.stamps && project.genCache
    ? Stamps.read(stampFileFor(project.genCache, project.out)).observe(project.out)
    : undefined
  // With the cache on, templates are compiled only once some spec is not in it (see below).
  const compile = !project.genCache
  const targets = selectTargets(await loadTargets(project.templates, { compile }), project.targets)
  const verification = await readVerification(project.out)
  const cache = project.genCache
    ? await GenCache.open(project.genCache, {
        targets,
        formats: project.formats,
        extra: project.openapi,
      }, verification)
    : undefined
  const logger = options.logger ?? silentLogger
  const specs = cache
    ? await loadSpecsCached(project.specFiles, cache, logger)
    : await loadSpecs(project.specFiles, { logger })
  const engine = cache?.missed ? await import('../render/engine.ts') : undefined
  const known = engine && cache ? cache.templates() : new Map<string, string>()
  for (const [text, source] of known) engine?.precompiledSources.set(text, source)
  if (cache?.missed) await compileAll(targets)
  const sink = await options.sink?.(project, stamps)
  const output = await generate(specs, targets, {
    sink,
    formats: project.formats,
    openapi: project.openapi,
    verification,
    highlightCache: project.highlightCache,
    cache,
  })
  if (engine && cache) await cache.saveTemplates(known, engine.precompiledSources)
  await cache?.commit()
  return { ...output, project, specs, targets, stamps }
}
