/**
 * axe-core on the main pages of the built site, in light and dark mode, and the page weight:
 * JavaScript per page before search, and the size of the tabs script.
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTabsClient } from '../../src/tabs/build-client.ts'
import { startSite, type SiteFixture } from './site-fixture.ts'

const PAGES = [
  '/',
  '/authentication/',
  '/examples/',
  '/examples/create-project/',
  '/polysnip/spec-format/',
]
const axeFile = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)
const axeSource = readFileSync(axeFile, 'utf8')

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>
}

let site: SiteFixture
beforeAll(async () => {
  site = await startSite()
}, 300_000)
afterAll(() => site?.close())

describe.each(['light', 'dark'] as const)('axe-core, %s mode', (theme) => {
  test.each(PAGES)('%s has no violations', async (path) => {
    const page = await site.open(path, { colorScheme: theme })
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme)
    await page.addScriptTag({ content: axeSource })
    const result = await page.evaluate(() =>
      (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run(),
    )
    const violations = result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    )
    expect(violations).toEqual([])
  })
})

describe('page weight', () => {
  test.each(PAGES)('%s loads at most 20 KB of JavaScript before search', async (path) => {
    const context = await site.browser.newContext()
    const page = await context.newPage()
    const sizes: Array<Promise<number>> = []
    page.on('response', (r) => {
      // Search (Pagefind's UI in ui-core, its index in /pagefind/) loads when the browser is
      // idle or the dialog opens: not part of what a page needs to show and work.
      const search = /\/pagefind\/|\/ui-core\./.test(r.url())
      if (r.request().resourceType() === 'script' && !search) {
        sizes.push(r.body().then((b) => b.length))
      }
    })
    await page.goto(site.origin + path, { waitUntil: 'networkidle' })
    const inline = await page.$$eval('script:not([src])', (scripts) =>
      scripts
        .filter((s) => !s.getAttribute('type') || /javascript|module/.test(s.getAttribute('type')!))
        .reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
    )
    const external = (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
    await context.close()
    expect(inline).toBeGreaterThan(1024) // the tabs client at least: the count is real
    expect(inline + external).toBeLessThanOrEqual(20 * 1024)
  })

  test('the tabs script is at most 2 KB gzipped', async () => {
    const script = await buildTabsClient()
    expect(gzipSync(script, { level: 9 }).length).toBeLessThanOrEqual(2 * 1024)
  })
})
