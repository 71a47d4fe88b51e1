// The config file and the command line together: validation messages, precedence, format
// selection, drift checks and stale-file removal for the new outputs.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { isPolysnipError } from '../../src/errors.ts'
import { loadConfig } from '../../src/config/load.ts'
import { resolveProject } from '../../src/config/resolve.ts'
import { configJsonSchema } from '../../src/config/schema.ts'
import { exec, tempDir } from './helpers.ts'

const repo = process.cwd()

async function polysnip(cwd: string, ...args: string[]) {
  return exec('node', [join(repo, 'bin/polysnip.mjs'), ...args], { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  )
}

async function formatted(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'no error'
  } catch (e) {
    if (isPolysnipError(e)) return e.format()
    throw e
  }
}

/** A project folder with one spec and the given config text. */
async function project(config?: string): Promise<string> {
  const dir = await tempDir()
  await mkdir(join(dir, 'api'))
  await writeFile(join(dir, 'api/list.yaml'), await readFile(join(repo, 'specs/list-projects.yaml'), 'utf8'))
  if (config !== undefined) await writeFile(join(dir, 'polysnip.config.json'), config)
  return dir
}

beforeAll(async () => {
  await exec('node', ['scripts/build-lib.mjs'])
})

describe('config file', () => {
  it('names the file, line, column and field of every problem, with a hint', async () => {
    const dir = await project('{\n  "specs": ["api"],\n  "formats": ["md", "pdf"],\n  "outt": "x"\n}\n')
    expect(await formatted(loadConfig(undefined, dir))).toMatchInlineSnapshot(`
      "polysnip.config.json:3:21: formats[1]: must be one of "md", "html", "mdx-starlight", "mdx-docusaurus", "mkdocs", "vitepress", "openapi"
        hint: see "Config file" in docs/embed.md, or point your editor at polysnip.config.schema.json
      polysnip.config.json:4:3: outt: unknown field "outt"
        hint: see "Config file" in docs/embed.md, or point your editor at polysnip.config.schema.json"
    `)
  })

  it('reports JSON syntax errors at their position and a missing --config file', async () => {
    const dir = await project('{\n  "specs": ["api"],,\n}\n')
    expect(await formatted(loadConfig(undefined, dir))).toMatch(/^polysnip\.config\.json:2:20: invalid JSON: .+\n {2}hint: fix the syntax/)
    expect(await formatted(loadConfig('nope.json', dir))).toBe(
      'nope.json: config file not found\n  hint: check the path given to --config',
    )
  })

  it('resolves paths from the config folder; command-line values win', async () => {
    const dir = await project(JSON.stringify({ specs: ['api'], out: 'site/snippets', formats: ['md'], targets: ['go'] }))
    const fromConfig = await resolveProject({ cwd: dir })
    expect(fromConfig).toMatchObject({
      configFile: 'polysnip.config.json',
      specFiles: ['api/list.yaml'],
      out: 'site/snippets',
      formats: ['md'],
      targets: ['go'],
    })
    const overridden = await resolveProject({ cwd: dir, out: 'other', formats: ['vitepress'], targets: ['php'] })
    expect(overridden).toMatchObject({ out: 'other', formats: ['vitepress'], targets: ['php'] })
  })
})

describe('repository config', () => {
  it('is valid, and polysnip.config.schema.json is current', async () => {
    const { config } = await loadConfig(undefined, repo)
    expect(config.openapi).toMatchObject({ document: 'specs/openapi/agora.yaml' })
    const committed = JSON.parse(await readFile(join(repo, 'polysnip.config.schema.json'), 'utf8'))
    const { $comment, ...schema } = committed
    expect($comment).toMatch(/scripts\/write-schema\.mjs/)
    expect(schema).toEqual(configJsonSchema())
  })
})

describe('polysnip gen with formats', () => {
  it('writes what the config asks for, and --format overrides it', async () => {
    const dir = await project(JSON.stringify({ specs: ['api'], formats: ['vitepress'], targets: ['go', 'curl'] }))
    const first = await polysnip(dir, 'gen')
    expect(first.stderr).toBe('')
    expect(first.stdout).toContain('1 spec × 2 targets → 2 snippets (+ vitepress) in snippets/')
    const manifest = JSON.parse(await readFile(join(dir, 'snippets/manifest.json'), 'utf8'))
    expect(manifest.formats).toEqual(['vitepress'])
    expect(manifest.files).toEqual(['list-projects/main.go', 'list-projects/request.sh', 'list-projects/vitepress.md'])

    // Dropping a format removes its files, as dropping a spec removes the spec's.
    const second = await polysnip(dir, 'gen', '--format', 'md')
    expect(second.stdout).toContain('(2 rendered, 4 written, 2 unchanged, 1 removed)')
    expect(JSON.parse(await readFile(join(dir, 'snippets/manifest.json'), 'utf8')).files).toEqual([
      'list-projects/all.md', 'list-projects/main.go', 'list-projects/main.go.md',
      'list-projects/request.sh', 'list-projects/request.sh.md',
    ])
    await expect(readFile(join(dir, 'snippets/list-projects/vitepress.md'))).rejects.toThrow(/ENOENT/)
  })

  it('check finds a hand-edited fragment; an unknown format is bad input', async () => {
    const dir = await project(JSON.stringify({ specs: ['api'], formats: ['md'], targets: ['go'] }))
    await polysnip(dir, 'gen')
    expect((await polysnip(dir, 'check')).code).toBe(0)
    await writeFile(join(dir, 'snippets/list-projects/all.md'), 'edited\n')
    const check = await polysnip(dir, 'check')
    expect(check.code).toBe(1)
    expect(check.stderr).toContain('changed: snippets/list-projects/all.md')

    const bad = await polysnip(dir, 'gen', '--format', 'md,docx')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('formats: unknown format "docx"\n  hint: known formats: md, html,')
  })

  it('marks a snippet verified only when the report covers exactly its code', async () => {
    const dir = await project(JSON.stringify({ specs: ['api'], formats: [], targets: ['go', 'curl'] }))
    await polysnip(dir, 'gen')
    const manifestFile = join(dir, 'snippets/manifest.json')
    const { snippets } = JSON.parse(await readFile(manifestFile, 'utf8'))
    const [go, curl] = snippets as Array<{ spec: string; target: string; sha256: string }>
    const report = {
      version: 1,
      toolchains: { go: 'go1.19.8', bash: 'curl 7.88.1' },
      snippets: [
        { spec: go?.spec, target: 'go', sha256: go?.sha256, status: 'passed', toolchain: 'go', toolchainVersion: 'go1.19.8' },
        { spec: curl?.spec, target: 'curl', sha256: 'stale', status: 'passed', toolchain: 'bash', toolchainVersion: 'curl 7.88.1' },
      ],
    }
    await writeFile(join(dir, 'snippets/verification.json'), JSON.stringify(report))
    await polysnip(dir, 'gen')
    const after = JSON.parse(await readFile(manifestFile, 'utf8')).snippets
    expect(after.map((s: { verified?: object }) => s.verified)).toEqual([{ toolchain: 'go', version: 'go1.19.8' }, undefined])
  })
})
