// The Astro integration in a site that is not polysnip's: a fixture site with one line of
// config and one component per spec, built with Astro's build() API, then opened in Chromium.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'astro'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../site/browser.ts'
import { serveStatic, type StaticServer } from '../site/static-server.ts'
import { defaultBuild, exec, rawCode } from './helpers.ts'

let outDir: string
let server: StaticServer

beforeAll(async () => {
  // The fixture imports 'polysnip/astro', which resolves to the bundle in dist/.
  await exec('node', ['scripts/build-lib.mjs'])
  // Inside the working directory: for an outDir outside it, Astro stages server chunks in
  // `<cwd>/.astro/` and then deletes that folder, which races with the site build in test/site.
  await mkdir('test-output', { recursive: true })
  outDir = await mkdtemp(resolve('test-output', 'astro-fixture-'))
  await build({
    root: resolve('test/fixtures/astro-site'),
    outDir,
    cacheDir: join(outDir, '.cache'),
    logLevel: 'error',
  })
  server = await serveStatic(outDir)
}, 120_000)

afterAll(async () => {
  await server?.close()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

describe('astro integration', () => {
  it('builds a page with one highlighted tab group per <PolysnipTabs>, every panel in the HTML', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8')
    expect(html.match(/<polysnip-tabs /g)).toHaveLength(2)
    expect(html.match(/role="tabpanel"/g)).toHaveLength(14)
    expect(html).toContain('--shiki-dark')
    expect(html).not.toMatch(/<script[^>]+src=/)
  })

  it('works in the browser: the panels hold the raw programs and the tabs switch in sync', async () => {
    const { result } = await defaultBuild()
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await page.goto(`${server.origin}/`)
      const first = page.locator('polysnip-tabs').first()
      await first.getByRole('tab', { name: 'Java' }).click()
      const selected = await page.locator('[role=tab][aria-selected=true]').allTextContents()
      expect(selected).toEqual(['Java', 'Java'])
      const code = await first.locator('.ps-panel:visible pre').textContent()
      expect(code).toBe(rawCode(result, 'list-projects').get('java')?.trimEnd())
    } finally {
      await browser.close()
    }
  })
})
