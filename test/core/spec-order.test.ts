// Specs are ordered by id exactly as localeCompare orders them (outputs and the manifest depend
// on it), though sortSpecs skips ICU's collator for the ids the spec schema allows.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortSpecs } from '../../src/emit/spec-order.ts'
import type { Spec } from '../../src/spec/model.ts'

const asSpecs = (ids: string[]) => ids.map((id) => ({ id }) as Spec)
const byLocale = (ids: string[]) => [...ids].sort((a, b) => a.localeCompare(b))

describe('sortSpecs', () => {
  it('orders kebab-case ids as localeCompare does', () => {
    const part = fc.stringMatching(/^[a-z0-9]{1,6}$/)
    const id = fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('-'))
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        expect(sortSpecs(asSpecs(ids)).map((s) => s.id)).toEqual(byLocale(ids))
      }),
      { numRuns: 2000 },
    )
  })

  it('falls back to the collator for other ids', () => {
    const ids = ['b', 'A', 'a', 'é', 'e', 'Z-1', 'z_1', 'ä']
    expect(sortSpecs(asSpecs(ids)).map((s) => s.id)).toEqual(byLocale(ids))
  })
})
