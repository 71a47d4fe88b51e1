// Golden files: every fixture spec × every built-in target, stored with its real extension under
// test/golden/<spec file name>/. `npx vitest run -u` rewrites them after an intended change. The
// shipped specs' goldens are the committed snippets/ folder, which the CLI test checks.
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSnippet } from '../../src/render/render.ts'
import { loadTargets } from '../../src/render/targets.ts'
import { loadSpecFile } from '../../src/spec/load.ts'
import { goldenSpecFiles } from './helpers.ts'

const targets = await loadTargets()

const fixtureSpecs = goldenSpecFiles.filter((f) => f.startsWith('test/fixtures/'))

describe.each(fixtureSpecs)('%s', (file) => {
  const name = basename(file).replace(/\.\w+$/, '')

  it.each(targets.map((t) => [t.id, t] as const))('renders %s', async (_id, target) => {
    const spec = await loadSpecFile(file)
    const code = renderSnippet(spec, target)
    await expect(code).toMatchFileSnapshot(join('..', 'golden', name, target.file))
  })
})

describe('rendering', () => {
  it('changes only the base URL constant when a base URL is given', async () => {
    const spec = await loadSpecFile('specs/list-projects.yaml')
    for (const target of targets) {
      const published = renderSnippet(spec, target).split('\n')
      const local = renderSnippet(spec, target, { baseUrl: 'https://127.0.0.1:8443' }).split('\n')
      const changed = published.filter((line, i) => line !== local[i])
      expect(local).toHaveLength(published.length)
      expect(changed, target.id).toHaveLength(1)
      expect(changed[0], target.id).toContain('https://api.agora.io')
    }
  })

  it('is deterministic', async () => {
    const spec = await loadSpecFile('test/fixtures/specs/rich-put.yaml')
    for (const target of targets) {
      expect(renderSnippet(spec, target)).toBe(renderSnippet(spec, target))
    }
  })

  it('computes Base64 in code and never prints a precomputed header', async () => {
    const spec = await loadSpecFile('test/fixtures/specs/minimal.yaml')
    // Base64 of "Your customer ID:Your customer secret".
    const precomputed = Buffer.from('Your customer ID:Your customer secret').toString('base64')
    for (const target of targets) {
      expect(renderSnippet(spec, target)).not.toContain(precomputed)
    }
  })
})
