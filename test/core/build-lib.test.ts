// scripts/build-lib.mjs skips the bundling when nothing it is made from changed, so `npm run gen`
// stays fast; it must still rebuild after any edit, added file or removed file in src/. Run on a
// copy of the repository's build inputs, so the real dist/ is left alone.
import { execFile } from 'node:child_process'
import { cp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers.ts'

const exec = promisify(execFile)

async function copyInputs(): Promise<string> {
  const dir = await tempDir('polysnip-build-')
  for (const path of ['scripts/build-lib.mjs', 'package.json', 'package-lock.json', 'src', 'templates']) {
    await cp(path, join(dir, path), { recursive: true })
  }
  await symlink(resolve('node_modules'), join(dir, 'node_modules'))
  return dir
}

/** Builds in `dir`; returns the build id and when the command bundle was last written. */
async function build(dir: string) {
  await exec('node', [join(dir, 'scripts/build-lib.mjs')])
  const { id } = JSON.parse(await readFile(join(dir, 'dist/.build.json'), 'utf8')) as { id: string }
  return { id, written: (await stat(join(dir, 'dist/cli/cli.js'))).mtimeMs }
}

/** Past the racy window of the stamp (inputs changed within it are hashed, not trusted). */
const settle = () => new Promise((r) => setTimeout(r, 1100))

describe('build:lib up-to-date check', () => {
  it('skips an unchanged build and rebuilds after an edit, an added and a removed file', async () => {
    const dir = await copyInputs()
    const first = await build(dir)
    await settle()
    expect(await build(dir)).toEqual(first)

    // Touched, not changed: same id, no new bundle.
    const log = join(dir, 'src/log.ts')
    const now = new Date()
    await utimes(log, now, now)
    expect(await build(dir)).toEqual(first)

    // An edit: a new id and a new bundle.
    const text = await readFile(log, 'utf8')
    await writeFile(log, `${text}\n// edited\n`)
    const edited = await build(dir)
    expect(edited.id).not.toBe(first.id)
    expect(edited.written).toBeGreaterThan(first.written)
    await settle()

    // A new file nobody imports yet still changes the build id (a folder's mtime moved).
    await writeFile(join(dir, 'src/emit/new-module.ts'), 'export const added = 1\n')
    const added = await build(dir)
    expect(added.id).not.toBe(edited.id)
    await settle()

    await rm(join(dir, 'src/emit/new-module.ts'))
    expect((await build(dir)).id).toBe(edited.id)
    await settle()

    // A built-in template is precompiled by the build: an edit rebuilds, and the new text is
    // the one precompiled (the engine looks sources up by template text).
    const template = join(dir, 'templates/go/template.hbs')
    const edit = `${await readFile(template, 'utf8')}// edited\n`
    await writeFile(template, edit)
    expect((await build(dir)).id).not.toBe(edited.id)
    const built = JSON.parse(await readFile(join(dir, 'dist/cli/templates.json'), 'utf8')) as {
      sources: Record<string, string>
    }
    expect(Object.keys(built.sources)).toContain(edit)
  }, 90_000)
})
