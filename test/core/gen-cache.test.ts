// The generation cache must never change output: every run below is compared byte for byte with
// a run that has no cache at all, after edits to a spec, a template and the cache itself.
import { cp, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildProject } from '../../src/config/project.ts'
import { stampFileFor } from '../../src/emit/stamps.ts'
import { writeOutput } from '../../src/emit/write.ts'
import { memoryLogger, readTree, tempDir } from './helpers.ts'

/** A project folder: two specs, one user target overriding `go`, a cache folder of its own. */
async function project() {
  const dir = await tempDir('polysnip-cache-')
  await mkdir(join(dir, 'specs'))
  for (const name of ['list-projects.yaml', 'create-project.yaml']) {
    await cp(join('specs', name), join(dir, 'specs', name))
  }
  await cp('templates/go', join(dir, 'targets', 'go'), { recursive: true })
  await writeFile(join(dir, 'polysnip.config.json'), JSON.stringify({ genCache: 'cache' }))
  return dir
}

interface GenOptions {
  formats?: string[] | undefined
  specs?: string[]
  /** Stat the output folder first (the CLI's way, `stamps: true`) rather than while writing. */
  observe?: boolean
}

/** One `polysnip gen` as the CLI does it, into `out`; returns the summary figures. */
async function gen(dir: string, out: string, cache: boolean, options: GenOptions = {}) {
  const { formats = ['md', 'mdx-starlight', 'vitepress'], specs = [join(dir, 'specs')] } = options
  const observe = options.observe ?? true
  const genCache = cache ? join(dir, 'cache') : false
  const result = await buildProject({
    config: join(dir, 'polysnip.config.json'),
    specs,
    templates: [join(dir, 'targets')],
    formats,
    out,
    cache,
    logger: memoryLogger(),
    stamps: observe,
  })
  const stampFile = genCache && !observe ? stampFileFor(genCache, out) : undefined
  const written = await writeOutput(out, result.files, { stampFile, stamps: result.stamps, hashes: result.hashes })
  return { rendered: result.rendered, written: written.written.length, tree: await readTree(out) }
}

let uncachedRuns = 0

/** The output of a run without any cache, in a folder beside `out` (the overlay links relative). */
async function uncached(dir: string, formats?: string[]) {
  return (await gen(dir, join(dir, `nocache-${++uncachedRuns}`), false, { formats })).tree
}

/** Every file in the cache folder, by path relative to it. */
async function cacheFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'cache'), { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 7))
}

/** The content files of one generation: one per spec file (see src/emit/cache.ts). */
async function contentFiles(dir: string): Promise<string[]> {
  return (await cacheFiles(dir)).filter((f) => /^[0-9a-f]{16}\/[0-9a-f]{2}\//.test(f)).sort()
}

/** Waits until files written now are past the racy window of src/emit/file-stamp.ts. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250))

describe('generation cache', () => {
  it('gives the same bytes as no cache, and renders only what an edit touched', async () => {
    const dir = await project()
    const out = join(dir, 'out')

    const first = await gen(dir, out, true)
    expect(first.rendered).toBe(14)
    expect(first.tree).toEqual(await uncached(dir))

    const again = await gen(dir, out, true)
    expect(again).toMatchObject({ rendered: 0, written: 0 })
    expect(again.tree).toEqual(first.tree)

    // A spec edit: that spec's seven programs and its format files, nothing else.
    const spec = join(dir, 'specs', 'list-projects.yaml')
    const text = await readFile(spec, 'utf8')
    await writeFile(spec, text.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const edited = await gen(dir, out, true)
    expect(edited.rendered).toBe(7)
    expect(edited.tree).toEqual(await uncached(dir))
    expect(edited.tree).not.toEqual(first.tree)

    // A template edit invalidates every spec rendered with it.
    const template = join(dir, 'targets', 'go', 'template.hbs')
    await writeFile(template, `// cache test\n${await readFile(template, 'utf8')}`)
    const retemplated = await gen(dir, out, true)
    expect(retemplated.rendered).toBe(14)
    expect(retemplated.tree['list-projects/main.go']).toMatch(/^\/\/ cache test\n/)
    expect(retemplated.tree).toEqual(await uncached(dir))
  })

  it.each([true, false])('ignores corrupt entries and a file changed behind its back (observe: %s)', async (observe) => {
    const dir = await project()
    const out = join(dir, 'out')
    const expected = (await gen(dir, out, true, { observe })).tree

    // Truncate every entry: each one must be a miss, rendered again, with the same result.
    const cacheDir = join(dir, 'cache')
    const files = await readdir(cacheDir, { recursive: true })
    const entries = files.filter((f) => f.endsWith('.json'))
    expect(entries.length).toBeGreaterThan(2)
    for (const entry of entries) {
      const path = join(cacheDir, entry)
      await writeFile(path, (await readFile(path, 'utf8')).slice(0, 40))
    }
    const healed = await gen(dir, out, true, { observe })
    expect(healed.rendered).toBe(14)
    expect(healed.tree).toEqual(expected)

    // A hand-edited output file of the same size is noticed (its mtime moved) and rewritten.
    await settle()
    await gen(dir, out, true, { observe })
    const file = join(out, 'list-projects', 'main.py')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('import', 'IMPORT'))
    const repaired = await gen(dir, out, true, { observe })
    expect(repaired).toMatchObject({ rendered: 0, written: 1 })
    expect(repaired.tree).toEqual(expected)
  })

  it('keeps one entry per spec file: older ones and those of deleted specs are removed', async () => {
    const dir = await project()
    const out = join(dir, 'out')
    await gen(dir, out, true)
    const first = await contentFiles(dir)
    expect(first).toHaveLength(2)

    // Five edits of one spec: still one content file for it, and the other spec's is untouched.
    const spec = join(dir, 'specs', 'list-projects.yaml')
    const text = await readFile(spec, 'utf8')
    for (let i = 1; i <= 5; i++) {
      await writeFile(spec, text.replace(/^title: (.*)$/m, `title: $1 (edit ${i})`))
      expect((await gen(dir, out, true)).rendered).toBe(7)
    }
    const edited = await contentFiles(dir)
    expect(edited).toHaveLength(2)
    expect(edited.filter((f) => first.includes(f))).toHaveLength(1)

    // A deleted spec takes its entry and content file with it.
    await rm(join(dir, 'specs', 'create-project.yaml'))
    const after = await gen(dir, out, true)
    expect(after.rendered).toBe(0)
    expect(await contentFiles(dir)).toHaveLength(1)
    expect(after.tree).toEqual(await uncached(dir))
  })

  it('reads no cached text while the output is current, and never serves damaged text', async () => {
    const dir = await project()
    const out = join(dir, 'out')
    const expected = (await gen(dir, out, true)).tree
    // Files written just before their stamps were saved are racy (file-stamp.ts): a second run
    // reads them once and records them again.
    await settle()
    await gen(dir, out, true)
    await settle()

    // With the outputs in place, a run needs the index only: content files may even be gone.
    const contents = await contentFiles(dir)
    const saved = await Promise.all(contents.map((f) => readFile(join(dir, 'cache', f), 'utf8')))
    for (const f of contents) await rm(join(dir, 'cache', f))
    expect(await gen(dir, out, true)).toMatchObject({ rendered: 0, written: 0, tree: expected })

    // A content file whose text no longer matches its hashes is an error, never written out.
    for (const [i, f] of contents.entries()) {
      await writeFile(join(dir, 'cache', f), (saved[i] ?? '').replace(/Get all projects/g, 'Stale title'))
    }
    await rm(join(out, 'list-projects', 'main.go'))
    await expect(gen(dir, out, true)).rejects.toThrow(/generation cache lost the outputs/)
    expect(await readTree(out)).not.toHaveProperty('list-projects/main.go')

    // The damaged entry was dropped, so the next run renders that spec again and heals.
    const healed = await gen(dir, out, true)
    expect(healed.rendered).toBe(7)
    expect(healed.tree).toEqual(expected)
  })

  it('trusts a spec file by its stamp, and sees an edit that restores size and mtime', async () => {
    const dir = await project()
    const out = join(dir, 'out')
    await gen(dir, out, true)
    await settle()

    // Touched but not changed: read and compared by hash, not rendered.
    const spec = join(dir, 'specs', 'list-projects.yaml')
    const now = new Date()
    await utimes(spec, now, now)
    expect((await gen(dir, out, true)).rendered).toBe(0)
    await settle()

    // Same size, same mtime, other bytes (as `cp -p` or a restored mtime leave it). A run over
    // the other spec alone then saves the index again, so the stamp is no longer racy: only the
    // change time and inode can still give the edit away.
    const before = await stat(spec)
    const text = await readFile(spec, 'utf8')
    await writeFile(spec, text.replace('Get all projects', 'Get ALL projects'))
    await utimes(spec, before.atime, before.mtime)
    expect((await stat(spec)).mtimeMs).toBe(before.mtimeMs)
    const other = join(dir, 'specs', 'create-project.yaml')
    await writeFile(other, (await readFile(other, 'utf8')).replace(/^title: (.*)$/m, 'title: $1 (2)'))
    await settle()
    await gen(dir, join(dir, 'other-out'), true, { specs: [other] })
    await settle()

    const edited = await gen(dir, out, true)
    expect(edited.rendered).toBe(7)
    expect(edited.tree['list-projects/main.go']).toContain('Get ALL projects')
    expect(edited.tree).toEqual(await uncached(dir))
  })

  it('reuses the OpenAPI outputs while every spec is unchanged, and redoes them after an edit', async () => {
    const dir = await project()
    await cp('specs/openapi', join(dir, 'specs', 'openapi'), { recursive: true })
    const config = JSON.parse(await readFile('polysnip.config.json', 'utf8')) as Record<string, unknown>
    const withOpenApi = { genCache: 'cache', openapi: config.openapi }
    await writeFile(join(dir, 'polysnip.config.json'), JSON.stringify(withOpenApi))
    const formats = ['md', 'openapi']
    const out = join(dir, 'out')

    const first = await gen(dir, out, true, { formats })
    expect(Object.keys(first.tree)).toContain('openapi/agora.overlay.yaml')
    expect(first.tree).toEqual(await uncached(dir, formats))
    expect(await gen(dir, out, true, { formats })).toMatchObject({ rendered: 0, written: 0 })

    const spec = join(dir, 'specs', 'list-projects.yaml')
    const text = await readFile(spec, 'utf8')
    await writeFile(spec, text.replace(/^title: (.*)$/m, 'title: $1 (edited)'))
    const edited = await gen(dir, out, true, { formats })
    expect(edited.tree['openapi/agora.overlay.yaml']).toContain('(edited)')
    expect(edited.tree).toEqual(await uncached(dir, formats))
  })
})
