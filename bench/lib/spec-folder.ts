/**
 * A project folder with `count` generated specs in specs/, as a user would have it; polysnip
 * runs inside it with its defaults (specs/ in, snippets/ out).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './files.ts'
import { generateSpecInputs, specYaml } from './spec-set.ts'

export function specFolder(count: number): string {
  const dir = tempDir(`specs-${count}`)
  mkdirSync(join(dir, 'specs'))
  for (const input of generateSpecInputs(count)) {
    writeFileSync(join(dir, 'specs', `${input.id}.yaml`), specYaml(input))
  }
  return dir
}

export function specFile(dir: string, index: number): string {
  return join(dir, 'specs', `bench-${String(index).padStart(4, '0')}.yaml`)
}
