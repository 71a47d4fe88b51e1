/**
 * Credential vectors: data files (test/vectors/basic-auth.json) listing the user-id / secret pairs
 * every program must send correctly, and the pairs the generator must refuse.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod/v4'
import { PolysnipError } from '../errors.ts'
import { packageRoot } from '../paths.ts'

const acceptedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  class: z.string().min(1),
  username: z.string(),
  password: z.string(),
  expected: z.string(),
  printed: z.string().optional(),
})

const rejectedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  username: z.string(),
  password: z.string(),
  part: z.enum(['username', 'password']),
  reason: z.string().min(1),
})

const fileSchema = z.looseObject({
  accepted: z.array(acceptedSchema).min(1),
  rejected: z.array(rejectedSchema).default([]),
})

/** A pair a program must send as `Authorization: Basic <expected>`. */
export type Vector = z.infer<typeof acceptedSchema>

/** A pair RFC 7617 forbids: the generator must refuse to render it. */
export type RejectedVector = z.infer<typeof rejectedSchema>

export interface VectorSet {
  accepted: Vector[]
  rejected: RejectedVector[]
  /** The file they came from, for messages. */
  file: string
}

/** The vectors polysnip ships with. */
export const defaultVectorsFile = join(packageRoot, 'test', 'vectors', 'basic-auth.json')

/** Base64 with the standard alphabet and padding, on one line (RFC 4648 §4). */
export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

/** The Basic token: Base64 of the UTF-8 bytes of `username:password` (RFC 7617 §2.1). */
export function basicToken(username: string, password: string): string {
  return base64(Buffer.from(`${username}:${password}`, 'utf8'))
}

/**
 * Loads and checks a vectors file: ids are unique, and every `expected` (and RFC `printed`)
 * value equals a fresh encoding, so a typo in the data cannot pass as a program bug.
 */
export async function loadVectors(file: string = defaultVectorsFile): Promise<VectorSet> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (cause) {
    throw new PolysnipError(`cannot read the vectors file: ${(cause as Error).message}`, {
      file,
      hint: 'pass a JSON file shaped like test/vectors/basic-auth.json',
      cause,
    })
  }

  const parsed = fileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new PolysnipError(issue?.message ?? 'invalid vectors file', {
      file,
      field: issue?.path.map(String).join('.'),
      hint: 'see "Vectors" in docs/verify.md',
    })
  }

  const { accepted, rejected } = parsed.data
  const seen = new Set<string>()
  for (const [index, v] of [...accepted, ...rejected].entries()) {
    if (seen.has(v.id)) {
      throw new PolysnipError(`duplicate vector id "${v.id}"`, { file, hint: 'give every vector its own id' })
    }
    seen.add(v.id)
    if (!('expected' in v)) continue
    const actual = basicToken(v.username, v.password)
    for (const [key, value] of [['expected', v.expected], ['printed', v.printed]] as const) {
      if (value !== undefined && value !== actual) {
        throw new PolysnipError(`vector "${v.id}": ${key} is ${value}, but the Base64 is ${actual}`, {
          file,
          field: `accepted.${index}.${key}`,
          hint: 'fix the vector data: expected is Base64 of the UTF-8 bytes of username:password',
        })
      }
    }
  }
  return { accepted, rejected, file }
}

/** Keeps the vectors named in `ids` (all when empty); unknown ids are an error. */
export function selectVectors(vectors: Vector[], ids: string[] = []): Vector[] {
  if (ids.length === 0) return vectors
  const unknown = ids.filter((id) => !vectors.some((v) => v.id === id))
  if (unknown.length > 0) {
    throw new PolysnipError(`unknown vector ${unknown.map((u) => `"${u}"`).join(', ')}`, {
      hint: `known vectors: ${vectors.map((v) => v.id).join(', ')}`,
    })
  }
  return vectors.filter((v) => ids.includes(v.id))
}
