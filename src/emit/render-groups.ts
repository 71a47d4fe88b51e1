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

/**
 * Renders every spec with every target, specs sorted by id, targets in tab order. All render
 * errors are collected before throwing.
 */
export function renderGroups(specs: Spec[], targets: Target[], cache?: GenCache): SpecGroup[] {
  const errors: PolysnipError[] = []
  const ordered = [...specs].sort((a, b) => a.id.localeCompare(b.id))
  const groups = ordered.map((spec) => {
    const group: SpecGroup = { spec, snippets: [] }
    const codes = cache?.reused(spec)?.codes
    for (const [i, target] of targets.entries()) {
      const known = codes?.[i]
      if (known !== undefined) {
        group.snippets.push({ target, file: `${spec.id}/${target.file}`, code: known })
        continue
      }
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
