// spec.schema.json is generated from the zod schema and committed for editors; it must not drift,
// and it must accept what the loader accepts.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { specJsonSchema, specSchema } from '../../src/spec/schema.ts'
import { goldenSpecFiles } from './helpers.ts'

describe('spec.schema.json', () => {
  it('is the current output of npm run schema', async () => {
    const committed = JSON.parse(await readFile('spec.schema.json', 'utf8'))
    const { $comment, ...schema } = committed
    expect($comment).toContain('scripts/write-schema.mjs')
    expect(schema).toEqual(JSON.parse(JSON.stringify(specJsonSchema())))
  })

  it('describes every property, so editors can explain each field', () => {
    const missing: string[] = []
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return
      const n = node as Record<string, unknown>
      if (n.properties) {
        for (const [key, child] of Object.entries(n.properties as Record<string, object>)) {
          if (!('description' in child)) missing.push(`${path}.${key}`)
          walk(child, `${path}.${key}`)
        }
      }
    }
    walk(specJsonSchema(), '$')
    expect(missing).toEqual([])
  })

  it('accepts every spec the tests render', async () => {
    for (const file of goldenSpecFiles) {
      const result = specSchema.safeParse(parse(await readFile(file, 'utf8')))
      expect(result.success, file).toBe(true)
    }
  })
})
