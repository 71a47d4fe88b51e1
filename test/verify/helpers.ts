/**
 * Shared set-up for the verifier's tests: the project's specs and targets, a vector by id, and
 * deliberately broken copies of a target.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadTarget, loadTargets, type Target } from '../../src/render/targets.ts'
import { loadSpecs } from '../../src/spec/load.ts'
import type { Spec } from '../../src/spec/model.ts'
import { builtinTemplatesDir, packageRoot } from '../../src/paths.ts'
import { loadVectors, type Vector } from '../../src/verify/vectors.ts'

export const specFiles = ['list-projects.yaml', 'create-project.yaml'].map((f) => join(packageRoot, 'specs', f))

export async function projectSpecs(): Promise<Spec[]> {
  return loadSpecs(specFiles)
}

export async function builtinTargets(): Promise<Target[]> {
  return loadTargets()
}

export async function vectorsById(...ids: string[]): Promise<Vector[]> {
  const { accepted } = await loadVectors()
  return ids.map((id) => {
    const found = accepted.find((v) => v.id === id)
    if (!found) throw new Error(`test set-up: no vector "${id}"`)
    return found
  })
}

/**
 * A copy of a built-in target whose template has `from` replaced by `to`; fails loudly when
 * `from` is not in the template, so a template change cannot silently un-break the copy.
 */
export async function brokenTarget(id: string, from: string, to: string): Promise<Target> {
  const dir = join(await mkdtemp(join(tmpdir(), `polysnip-broken-${id}-`)), id)
  await cp(join(builtinTemplatesDir, id), dir, { recursive: true })
  const file = join(dir, 'template.hbs')
  const template = await readFile(file, 'utf8')
  if (!template.includes(from)) throw new Error(`test set-up: "${from}" is not in the ${id} template`)
  await writeFile(file, template.replace(from, to))
  return loadTarget(dir)
}

/** Whether the verifier must refuse to skip (CI), as `npm test` on CI requires. */
export const strict = process.env.CI === 'true'
