// The generation cache must never change output: every run below is compared byte for byte with
// a run that has no cache at all, after edits to a spec, a template and the cache itself.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
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

/** One `polysnip gen` as the CLI does it, into `out`; returns the summary figures. */
async function gen(dir: string, out: string, cache: boolean) {
  const genCache = cache ? join(dir, 'cache') : false
  const result = await buildProject({
    config: join(dir, 'polysnip.config.json'),
    specs: [join(dir, 'specs')],
    templates: [join(dir, 'targets')],
    formats: ['md', 'mdx-starlight', 'vitepress'],
    out,
    cache,
    logger: memoryLogger(),
  })
  const stampFile = genCache ? stampFileFor(genCache, out) : undefined
  const written = await writeOutput(out, result.files, { stampFile, hashes: result.hashes })
  return { rendered: result.rendered, written: written.written.length, tree: await readTree(out) }
}

async function uncached(dir: string) {
  return (await gen(dir, await tempDir('polysnip-nocache-'), false)).tree
}

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

  it('ignores corrupt cache entries and a file changed behind its back', async () => {
    const dir = await project()
    const out = join(dir, 'out')
    const expected = (await gen(dir, out, true)).tree

    // Truncate every entry: each one must be a miss, rendered again, with the same result.
    const cacheDir = join(dir, 'cache')
    const files = await readdir(cacheDir, { recursive: true })
    const entries = files.filter((f) => f.endsWith('.json'))
    expect(entries.length).toBeGreaterThan(2)
    for (const entry of entries) {
      const path = join(cacheDir, entry)
      await writeFile(path, (await readFile(path, 'utf8')).slice(0, 40))
    }
    const healed = await gen(dir, out, true)
    expect(healed.rendered).toBe(14)
    expect(healed.tree).toEqual(expected)

    // A hand-edited output file of the same size is noticed (its mtime moved) and rewritten.
    const file = join(out, 'list-projects', 'main.py')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('import', 'IMPORT'))
    const repaired = await gen(dir, out, true)
    expect(repaired).toMatchObject({ rendered: 0, written: 1 })
    expect(repaired.tree).toEqual(expected)
  })
})
