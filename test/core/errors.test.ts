// Bad specs: each gives exit 2, a message with file:line:column, field and hint, and writes
// nothing. The expected messages live beside each bad spec as <name>.txt (vitest -u updates).
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { memoryLogger, readTree, tempDir } from './helpers.ts'

const dir = 'test/fixtures/bad-specs'
const corpus = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()

describe('bad specs', () => {
  it.each(corpus)('%s is rejected with a located message and nothing written', async (name) => {
    const out = await tempDir()
    const log = memoryLogger()
    const code = await main(['gen', '--spec', join(dir, name), '--out', out], log)

    expect(code).toBe(2)
    expect(await readTree(out)).toEqual({})
    const text = log.text()
    expect(text).toContain(`${join(dir, name)}:`)
    expect(text).toMatch(/:\d+:\d+: /)
    expect(text).toContain('hint: ')
    await expect(text).toMatchFileSnapshot(join('..', '..', dir, name.replace(/\.\w+$/, '.txt')))
  })

  it('reports a duplicate id across files and writes nothing', async () => {
    const out = await tempDir()
    const log = memoryLogger()
    const specs = ['specs/list-projects.yaml', 'test/fixtures/specs/minimal.yaml']
    const code = await main(['gen', ...specs.flatMap((s) => ['--spec', s]), '--out', out], log)

    expect(code).toBe(2)
    expect(log.text()).toContain('duplicate spec id "list-projects" (also in specs/list-projects.yaml)')
    expect(await readTree(out)).toEqual({})
  })

  it('reports every bad file of a run, not only the first', async () => {
    const log = memoryLogger()
    const files = ['colon-in-username.yaml', 'body-on-get.yaml'].map((f) => join(dir, f))
    const code = await main(['gen', ...files.flatMap((f) => ['--spec', f]), '--out', await tempDir()], log)

    expect(code).toBe(2)
    expect(log.text()).toContain('colon-in-username.yaml:8:13: auth.username')
    expect(log.text()).toContain('body-on-get.yaml:6:3: request.body')
  })

  it('names an unreadable file', async () => {
    const log = memoryLogger()
    const code = await main(['gen', '--spec', 'specs/nope.yaml', '--out', await tempDir()], log)
    expect(code).toBe(2)
    expect(log.text()).toContain('specs/nope.yaml: cannot read spec file (ENOENT)')
    expect(log.text()).toContain('hint: check the path')
  })

  it('rejects an unknown target and an unknown option', async () => {
    const log = memoryLogger()
    expect(await main(['gen', '--target', 'cobol', '--out', await tempDir()], log)).toBe(2)
    expect(log.text()).toContain('unknown target "cobol"')
    expect(await main(['gen', '--bogus'], log)).toBe(2)
    expect(log.text()).toContain("Unknown option '--bogus'")
  })
})
