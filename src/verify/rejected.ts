/**
 * Forbidden vectors (a colon in the user-id, control characters) must never become a program:
 * putting them into each spec has to fail with a clear RFC 7617 error naming the part.
 */
import { PolysnipError, PolysnipErrors } from '../errors.ts'
import type { Spec } from '../spec/model.ts'
import { withCredentials } from './credentials.ts'
import type { RejectedVector } from './vectors.ts'

export interface RejectionResult {
  spec: string
  vector: string
  /** True when the generator refused the vector for the expected part. */
  refused: boolean
  /** The error message, or why the refusal was wrong. */
  message: string
}

export function checkRejected(specs: Spec[], vectors: RejectedVector[]): RejectionResult[] {
  const results: RejectionResult[] = []
  for (const spec of specs) {
    for (const vector of vectors) {
      const base = { spec: spec.id, vector: vector.id }
      try {
        withCredentials(spec, vector, 'inline')
        results.push({ ...base, refused: false, message: `accepted, but ${vector.reason}` })
      } catch (e) {
        if (!(e instanceof PolysnipError || e instanceof PolysnipErrors)) throw e
        const errors = e instanceof PolysnipErrors ? e.errors : [e]
        const named = errors.some((err) => err.place.field === `auth.${vector.part}`)
        results.push({
          ...base,
          refused: named,
          message: named ? e.message : `refused, but not for auth.${vector.part}: ${e.message}`,
        })
      }
    }
  }
  return results
}
