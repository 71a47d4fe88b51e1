/**
 * Specs × targets → program texts, grouped by spec. Kept apart from generate.ts so that a run
 * served wholly by the generation cache never loads the templates' engine.
 */
import { PolysnipError, throwIfAny } from '../errors.ts'
import { renderSnippet } from '../render/render.ts'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import type { GenCache } from './cache.ts'
import type { SpecGroup } from './formats/index.ts'
import { sortSpecs } from './spec-order.ts'

/**
 * Renders every spec with every target, specs sorted by id, targets in tab order. All render
 * errors are collected before throwing.
 */
export function renderGroups(specs: Spec[], targets: Target[], cache?: GenCache): SpecGroup[] {
  const errors: PolysnipError[] = []
  const groups = sortSpecs(specs).map((spec) => {
    // A cached spec's programs are read from the cache only if some step asks for their text.
    if (cache?.reused(spec)) return cache.group(spec, targets)
    const group: SpecGroup = { spec, snippets: [] }
    for (const target of targets) {
      try {
        const code = renderSnippet(spec, target)
        group.snippets.push({ target, file: `${spec.id}/${target.file}`, code })
      } catch (e) {
        if (!(e instanceof PolysnipError)) throw e
        errors.push(new PolysnipError(`spec "${spec.id}": ${e.message}`, { ...e.place, hint: e.hint, cause: e }))
      }
    }
    return group
  })
  throwIfAny(errors)
  return groups
}
