// Custom templates without forking: a target from a folder outside templates/ is loaded,
// validated, rendered into every format and verified exactly like a built-in one.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generate } from '../../src/emit/generate.ts'
import { isPolysnipError } from '../../src/errors.ts'
import { loadTargets } from '../../src/render/targets.ts'
import { loadSpecs } from '../../src/spec/load.ts'
import { verify } from '../../src/verify/index.ts'
import { tempDir } from './helpers.ts'

const FIXTURE = 'test/fixtures/user-targets'
const SPECS = ['specs/create-project.yaml', 'specs/list-projects.yaml']
// A spread of vectors: RFC 7617 examples, sigils, long UTF-8, a colon and an empty secret.
const VECTORS = ['rfc7617-aladdin', 'rfc7617-utf8', 'sigils-dollar', 'long-utf8', 'colon-in-secret', 'empty-secret', 'plus-slash']

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'no error'
  } catch (e) {
    if (isPolysnipError(e)) return e.format()
    throw e
  }
}

/** A copy of the fixture target with its template changed by `edit`. */
async function variant(edit: (template: string) => string): Promise<string> {
  const dir = join(await tempDir(), 'node-https')
  await cp(join(FIXTURE, 'node-https'), dir, { recursive: true })
  const file = join(dir, 'template.hbs')
  await writeFile(file, edit(await readFile(file, 'utf8')))
  return dir
}

describe('user targets', () => {
  it('adds a target from its own folder, in tab order, to every format', async () => {
    const targets = await loadTargets([FIXTURE])
    expect(targets.map((t) => t.id)).toEqual(['go', 'node', 'node-https', 'php', 'python', 'java', 'csharp', 'curl'])
    const specs = await loadSpecs(SPECS)
    const { files, manifest } = await generate(specs, targets, { formats: ['md', 'mdx-starlight', 'vitepress'] })
    expect(manifest.snippets.filter((s) => s.target === 'node-https').map((s) => s.file)).toEqual([
      'create-project/https.mjs',
      'list-projects/https.mjs',
    ])
    expect(files.get('list-projects/starlight.mdx')).toContain('<TabItem label="Node.js (https)">')
    expect(files.get('list-projects/vitepress.md')).toContain('```javascript [Node.js (https)]')
  })

  it('passes the verifier against the local HTTPS server, and a Latin-1 variant fails it', async () => {
    const specs = await loadSpecs(SPECS)
    const [target] = await loadTargets([FIXTURE]).then((all) => all.filter((t) => t.id === 'node-https'))
    if (!target) throw new Error('fixture target missing')
    const options = { specs, vectorIds: VECTORS, cacheDir: null, jobs: 2, strict: true }

    const report = await verify({ ...options, targets: [target] })
    expect(report.failures).toBe('')
    expect(report.ok).toBe(true)
    expect(report.counts.passed).toBe(report.results.length)
    expect(report.results.length).toBeGreaterThanOrEqual(VECTORS.length * 2 * 2)

    // The same target encoding credentials as Latin-1 must be caught: the test can fail.
    const broken = await loadTargets([await variant((t) => t.replace("'utf8').toString('base64')", "'latin1').toString('base64')"))])
    const bad = await verify({ ...options, targets: broken.filter((t) => t.id === 'node-https'), vectorIds: ['rfc7617-utf8'] })
    expect(bad.ok).toBe(false)
    expect(bad.counts.failed).toBeGreaterThan(0)
  }, 120_000)

  it('reports template mistakes with the file and line', async () => {
    const syntax = await variant((t) => `${t}{{#if request.body}}\n`)
    expect(await failure(loadTargets([syntax]))).toMatch(
      new RegExp(`^${join(syntax, 'template.hbs').replace(/^\//, '.*')}:\\d+: target "node-https": template failed: Parse error on line \\d+: Expecting .+, got 'EOF'\\n  hint: `),
    )

    const field = await variant((t) => t.replace('{{str request.baseUrl}}', '{{str request.baseURL}}'))
    const specs = await loadSpecs(['specs/list-projects.yaml'])
    const targets = (await loadTargets([field])).filter((t) => t.id === 'node-https')
    const line = (await readFile(join(field, 'template.hbs'), 'utf8')).split('\n').findIndex((l) => l.includes('baseURL')) + 1
    expect(await failure(generate(specs, targets))).toMatch(
      new RegExp(`template\\.hbs:${line}:\\d+: spec "list-projects": target "node-https": template failed: \\{\\{str\\}\\} needs a string, got undefined\\n  hint: guard optional fields`),
    )
  })

  it('overrides a built-in target by id and refuses an id used twice', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'node'))
    await cp(join(FIXTURE, 'node-https'), join(dir, 'node'), { recursive: true })
    const meta = JSON.parse(await readFile(join(dir, 'node/target.json'), 'utf8'))
    await writeFile(join(dir, 'node/target.json'), JSON.stringify({ ...meta, id: 'node' }))
    const node = (await loadTargets([dir])).find((t) => t.id === 'node')
    expect(node?.file).toBe('https.mjs')

    await cp(join(dir, 'node'), join(dir, 'node-copy'), { recursive: true })
    expect(await failure(loadTargets([dir]))).toMatch(/target id "node" is used twice \(also by .+\)\n  hint: give each target folder its own id/)
  })
})
