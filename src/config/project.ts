/**
 * The whole `gen` pipeline as one library call: resolve the project, load specs and targets,
 * generate every output. The CLI, the Astro integration and scripts all go through here.
 */
import { generate, type Output } from '../emit/generate.ts'
import { readVerification } from '../emit/formats/verification.ts'
import { silentLogger, type Logger } from '../log.ts'
import { loadTargets, selectTargets, type Target } from '../render/targets.ts'
import { loadSpecs } from '../spec/load.ts'
import type { Spec } from '../spec/model.ts'
import { resolveProject, type Project, type ProjectOptions } from './resolve.ts'

export interface BuildOptions extends ProjectOptions {
  /** Receives spec warnings. @default silentLogger */
  logger?: Logger | undefined
}

export interface BuildResult extends Output {
  project: Project
  specs: Spec[]
  targets: Target[]
}

/** Generates every output of a project in memory; write it with `writeOutput(project.out, files)`. */
export async function buildProject(options: BuildOptions = {}): Promise<BuildResult> {
  const project = await resolveProject(options)
  const specs = await loadSpecs(project.specFiles, { logger: options.logger ?? silentLogger })
  const targets = selectTargets(await loadTargets(project.templates), project.targets)
  const output = await generate(specs, targets, {
    formats: project.formats,
    openapi: project.openapi,
    verification: await readVerification(project.out),
    highlightCache: project.highlightCache,
  })
  return { ...output, project, specs, targets }
}
