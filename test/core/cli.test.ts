// The polysnip command as users run it: a real process on the built bundle.
import { execFile } from 'node:child_process'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { readTree, tempDir } from './helpers.ts'

const exec = promisify(execFile)

async function polysnip(...args: string[]) {
  return exec('node', ['bin/polysnip.mjs', ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  )
}

beforeAll(async () => {
  await exec('node', ['scripts/build-lib.mjs'])
})

describe('polysnip gen', () => {
  it('renders every spec in specs/ with a summary line, identically twice', async () => {
    const [a, b] = [await tempDir(), await tempDir()]
    const first = await polysnip('gen', '--format', 'raw', '--out', a)
    await polysnip('gen', '--format', 'raw', '--out', b)

    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^\[polysnip\] 2 specs × 7 targets → 14 snippets in .+ \(\d+ rendered, 15 written, 0 unchanged\)\n$/)
    const tree = await readTree(a)
    expect(Object.keys(tree).filter((f) => f.startsWith('list-projects/')).sort()).toEqual([
      'list-projects/Main.java', 'list-projects/app.cs', 'list-projects/index.mjs',
      'list-projects/index.php', 'list-projects/main.go', 'list-projects/main.py',
      'list-projects/request.sh',
    ])
    expect(await readTree(b)).toEqual(tree)
  })

  it('writes a manifest whose hashes match the files', async () => {
    const out = await tempDir()
    await polysnip('gen', '--spec', 'test/fixtures/specs/minimal.yaml', '--out', out)
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
    const { createHash } = await import('node:crypto')

    expect(manifest.snippets).toHaveLength(7)
    for (const s of manifest.snippets) {
      const bytes = await readFile(join(out, s.file))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(s.sha256)
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['spec', 'target', 'language', 'label', 'file', 'sha256']))
    }
    expect(manifest.snippets.map((s: { language: string }) => s.language)).toEqual([
      'go', 'node', 'php', 'python', 'java', 'csharp', 'shell',
    ])
  })

  it('--check passes on fresh output and lists every changed, missing and stale file', async () => {
    const out = await tempDir()
    await polysnip('gen', '--out', out)
    expect((await polysnip('gen', '--check', '--out', out)).code).toBe(0)

    await writeFile(join(out, 'list-projects/main.go'), 'package main\n')
    await rm(join(out, 'list-projects/main.py'))
    const before = await readTree(out)
    const check = await polysnip('check', '--spec', 'specs/list-projects.yaml', '--out', out)

    expect(check.code).toBe(1)
    expect(check.stderr).toContain(`changed: ${out}/list-projects/main.go`)
    expect(check.stderr).toContain(`missing: ${out}/list-projects/main.py`)
    expect(check.stderr).toContain(`stale:   ${out}/create-project/main.go`)
    expect(await readTree(out)).toEqual(before)
  })

  it('removes files of specs that are gone and keeps the rest untouched', async () => {
    const out = await tempDir()
    await polysnip('gen', '--format', 'raw', '--out', out)
    const second = await polysnip('gen', '--format', 'raw', '--spec', 'specs/list-projects.yaml', '--out', out)

    expect(second.stdout).toMatch(/\(\d rendered, 1 written, 7 unchanged, 7 removed\)/)
    expect(Object.keys(await readTree(out)).some((f) => f.startsWith('create-project/'))).toBe(false)
    await expect(stat(join(out, 'create-project'))).rejects.toThrow('ENOENT')
  })

  it('--no-cache renders every spec again and writes only what changed', async () => {
    const out = await tempDir()
    await polysnip('gen', '--format', 'raw', '--out', out)
    const again = await polysnip('gen', '--format', 'raw', '--no-cache', '--out', out)

    expect(again.code).toBe(0)
    expect(again.stdout).toContain('(14 rendered, 0 written, 15 unchanged)')
  })

  it('writes nothing when one spec of several is bad', async () => {
    const out = await tempDir()
    const result = await polysnip('gen', '--spec', 'specs/list-projects.yaml',
      '--spec', 'test/fixtures/bad-specs/colon-in-username.yaml', '--out', out)

    expect(result.code).toBe(2)
    expect(result.stderr).toContain('colon-in-username.yaml:8:13: auth.username: must not contain ":"')
    expect(await readTree(out)).toEqual({})
  })

  it('renders only the targets asked for', async () => {
    const out = await tempDir()
    await polysnip('gen', '--format', 'raw', '--spec', 'specs/list-projects.yaml', '--target', 'go,curl', '--out', out)
    expect(Object.keys(await readTree(out)).sort()).toEqual([
      'list-projects/main.go', 'list-projects/request.sh', 'manifest.json',
    ])
  })

  it('renders the built-in default spec in a folder without specs', async () => {
    const cwd = await tempDir()
    const bin = join(process.cwd(), 'bin/polysnip.mjs')
    const { stdout } = await exec('node', [bin, 'gen', '--format', 'raw'], { cwd })

    expect(stdout).toContain('1 spec × 7 targets → 7 snippets')
    expect(Object.keys(await readTree(join(cwd, 'snippets'))).sort()).toContain('list-projects/main.go')
  })

  it('prints help', async () => {
    const help = await polysnip('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: polysnip')
  })

  it('keeps the committed snippets/ folder in step with specs/ and templates/', async () => {
    const check = await polysnip('check')
    expect(check.stderr).toBe('')
    expect(check.code).toBe(0)
  })
})
