/**
 * The order of specs in every output: by id, as `localeCompare` orders them. Setting up ICU's
 * collator costs about 15 ms, more than the rest of sorting a thousand specs; for the ids the
 * spec schema allows (lower-case letters, digits and "-"), ICU's root order is code-unit order
 * ("-" < digits < letters, character by character), so those are compared directly. Other ids
 * (a library caller may build specs by hand) still go through a collator.
 */
import type { Spec } from '../spec/model.ts'

const KEBAB = /^[a-z0-9-]*$/

let collator: Intl.Collator | undefined

export function sortSpecs(specs: readonly Spec[]): Spec[] {
  if (specs.every((s) => KEBAB.test(s.id))) {
    return [...specs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
  collator ??= new Intl.Collator()
  const compare = collator.compare
  return [...specs].sort((a, b) => compare(a.id, b.id))
}
