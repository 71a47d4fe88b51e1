/**
 * The code tabs on the built site, in Chromium: mouse, keyboard, sync, persistence without a
 * flash, ?lang=, copy, downloads, no JavaScript and print.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { selectedKeys, startSite, visiblePanels, type SiteFixture } from './site-fixture.ts'

const ALL = ['go', 'nodejs', 'php', 'python', 'java', 'csharp', 'curl']
const snippetsDir = join(import.meta.dirname, '..', '..', 'snippets')
const snippet = (file: string) => readFileSync(join(snippetsDir, file), 'utf8')

/** What each list-projects panel should say, from verification.json and the files on disk. */
function expectedVerified(): string[] {
  const report = join(snippetsDir, 'verification.json')
  if (!existsSync(report)) return []
  type Entry = { spec: string; file: string; sha256: string; status: string; toolchainVersion: string }
  const { snippets } = JSON.parse(readFileSync(report, 'utf8')) as { snippets: Entry[] }
  return snippets
    .filter((e) => e.spec === 'list-projects' && e.status === 'passed')
    .filter((e) => e.sha256 === createHash('sha256').update(snippet(e.file)).digest('hex'))
    .map((e) => `verified with ${e.toolchainVersion}`)
}

let site: SiteFixture
beforeAll(async () => {
  site = await startSite()
}, 300_000)
afterAll(() => site?.close())

describe('tab switching', () => {
  test('the authentication page has the seven targets, the first selected', async () => {
    const page = await site.open('/authentication/')
    const keys = await page.$$eval('[role=tab]', (tabs) => tabs.map((t) => t.getAttribute('data-key')))
    expect(keys).toEqual(ALL)
    expect(await selectedKeys(page)).toEqual(['go'])
    expect(await visiblePanels(page)).toEqual(['go'])
  })

  test('a click selects the tab, shows its panel and updates the URL', async () => {
    const page = await site.open('/authentication/')
    await page.getByRole('tab', { name: 'Python' }).click()

    expect(await selectedKeys(page)).toEqual(['python'])
    expect(await visiblePanels(page)).toEqual(['python'])
    expect(new URL(page.url()).searchParams.get('lang')).toBe('python')
    const panel = page.getByRole('tabpanel', { name: 'Python' })
    await expect(panel.textContent()).resolves.toContain('import urllib.request')
  })

  test('arrow keys wrap, Home and End jump, and only the selected tab is in the Tab order', async () => {
    const page = await site.open('/authentication/')
    await page.getByRole('tab', { name: 'Go' }).focus()
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-key'))
    const tabStops = () =>
      page.$$eval('[role=tab]', (tabs) => tabs.filter((t) => (t as HTMLElement).tabIndex === 0).length)

    await page.keyboard.press('ArrowLeft')
    expect([await focused(), ...(await selectedKeys(page))]).toEqual(['curl', 'curl'])
    await page.keyboard.press('ArrowRight')
    expect([await focused(), ...(await selectedKeys(page))]).toEqual(['go', 'go'])
    await page.keyboard.press('ArrowRight')
    expect([await focused(), ...(await selectedKeys(page))]).toEqual(['nodejs', 'nodejs'])
    await page.keyboard.press('End')
    expect(await selectedKeys(page)).toEqual(['curl'])
    await page.keyboard.press('Home')
    expect(await selectedKeys(page)).toEqual(['go'])
    expect(await tabStops()).toBe(1)

    // Tab leaves the tab list for the visible panel.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel')
  })
})

describe('sync and persistence', () => {
  test('a choice switches every group on the page and keeps the clicked tab in place', async () => {
    const page = await site.open('/examples/', { viewport: { width: 1280, height: 600 } })
    expect((await selectedKeys(page)).length).toBeGreaterThan(1)

    // Chromium's own scroll anchoring would hide a missing fix; switch it off.
    await page.addStyleTag({ content: '* { overflow-anchor: none !important }' })
    // Click in the second group, scrolled so the first group's panel sits above it.
    const tab = page.locator('polysnip-tabs').nth(1).getByRole('tab', { name: 'PHP' })
    await tab.scrollIntoViewIfNeeded()
    await page.evaluate(() => window.scrollBy(0, -100))
    const before = await tab.evaluate((t) => t.getBoundingClientRect().top)
    const heightBefore = await page.evaluate(() => document.body.scrollHeight)
    await tab.click()

    expect(new Set(await selectedKeys(page))).toEqual(new Set(['php']))
    const after = await tab.evaluate((t) => t.getBoundingClientRect().top)
    expect(await page.evaluate(() => document.body.scrollHeight)).not.toBe(heightBefore)
    expect(Math.abs(after - before)).toBeLessThanOrEqual(1)
  })

  test('the choice is restored on other pages before the first paint, with no layout shift', async () => {
    const page = await site.open('/authentication/')
    await page.getByRole('tab', { name: 'Java' }).click()

    // Record the visible panels in every animation frame (each runs before a paint) and every
    // layout shift, from the first byte of the next page on.
    await page.context().addInitScript(() => {
      type Source = { node: Node | null; previousRect: DOMRectReadOnly }
      const w = window as unknown as { frames_: string[][]; shifts_: string[] }
      w.frames_ = []
      w.shifts_ = []
      // What moved inside the content column (the tabs or what follows them). Starlight's own
      // sidebar and header may shift a pixel while its scripts run; that is not ours to test.
      new PerformanceObserver((list) => {
        const main = document.querySelector('main')?.getBoundingClientRect()
        for (const e of list.getEntries() as unknown as Array<{ sources: Source[] }>) {
          for (const { node, previousRect: r } of e.sources) {
            const el = node instanceof Element ? node : node?.parentElement
            const inMain = el ? Boolean(el.closest('main')) : main && r.left >= main.left
            if (inMain && r.width > 0) w.shifts_.push(`${el?.outerHTML.slice(0, 80)} ${r.top}`)
          }
        }
      }).observe({ type: 'layout-shift', buffered: true })
      // What a reader could see: the keys of the rendered panels.
      const record = () => {
        const panels = [...document.querySelectorAll<HTMLElement>('[role=tabpanel]')]
        w.frames_.push(panels.filter((p) => p.offsetHeight > 0).map((p) => p.dataset.key ?? ''))
        if (w.frames_.length < 120) requestAnimationFrame(record)
      }
      requestAnimationFrame(record)
    })

    for (const path of ['/examples/list-projects/', '/examples/']) {
      await page.goto(site.origin + path)
      await page.waitForFunction(() => (window as unknown as { frames_: unknown[] }).frames_.length >= 120)
      const { frames, shifts } = await page.evaluate(() => {
        const w = window as unknown as { frames_: string[][]; shifts_: string[] }
        return { frames: w.frames_, shifts: w.shifts_ }
      })
      const painted = frames.filter((f) => f.length > 0)
      expect(painted.length).toBeGreaterThan(0)
      for (const frame of painted) expect(new Set(frame)).toEqual(new Set(['java']))
      expect(shifts).toEqual([])
    }

    await page.reload()
    expect(new Set(await selectedKeys(page))).toEqual(new Set(['java']))
  })
})

describe('?lang=', () => {
  test('the query beats the stored choice; aliases work; unknown values are ignored', async () => {
    const page = await site.open('/authentication/')
    await page.getByRole('tab', { name: 'PHP' }).click()

    await page.goto(`${site.origin}/authentication/?lang=python`)
    expect(await selectedKeys(page)).toEqual(['python'])
    await page.goto(`${site.origin}/authentication/?lang=node`)
    expect(await selectedKeys(page)).toEqual(['nodejs'])
    await page.goto(`${site.origin}/examples/list-projects/?lang=CSharp`)
    expect(await selectedKeys(page)).toEqual(['csharp'])

    // Not a target here: the stored choice (the last one the query made) applies.
    await page.goto(`${site.origin}/authentication/?lang=cobol`)
    expect(await selectedKeys(page)).toEqual(['csharp'])
    await page.getByRole('tab', { name: 'Go' }).click()
    expect(new URL(page.url()).searchParams.get('lang')).toBe('go')
  })
})

describe('copy and download', () => {
  test('copy puts the raw program on the clipboard and announces it', async () => {
    const page = await site.open('/authentication/?lang=python', {
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await page.getByRole('button', { name: 'Copy Python' }).click()
    await expect
      .poll(() => page.locator('polysnip-tabs [role=status]').textContent())
      .toBe('Copied')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(snippet('list-projects/main.py'))
  })

  test('a panel says which toolchain passed its exact bytes, if any', async () => {
    const page = await site.open('/authentication/', { javaScriptEnabled: false })
    const shown = await page.locator('.ps-verified').allTextContents()
    expect(shown.sort()).toEqual(expectedVerified().sort())
  })

  test('every download link serves the raw file', async () => {
    const page = await site.open('/authentication/')
    const links = await page.$$eval('a.ps-download', (as) => as.map((a) => a.getAttribute('href')!))
    expect(links).toHaveLength(7)
    for (const href of links) {
      const body = await (await fetch(site.origin + href)).text()
      expect(body).toBe(snippet(href.replace('/snippets/', '')))
    }
  })
})

describe('fallbacks', () => {
  test('search indexes every panel, not only the selected one', async () => {
    const page = await site.open('/authentication/')
    // Text that only the Python program (a hidden panel) contains.
    // A string, so the test runner does not rewrite the dynamic import.
    const urls = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js')
      const found = await pagefind.search('urllib')
      const data = await Promise.all(found.results.map((r) => r.data()))
      return data.map((d) => d.url)
    })()`)
    expect(urls).toContain('/authentication/')
  })

  test('without JavaScript every panel shows under its label', async () => {
    const page = await site.open('/authentication/', { javaScriptEnabled: false })
    expect(await visiblePanels(page)).toEqual(ALL)
    expect(await page.locator('.ps-label').evaluateAll((ls) => ls.map((l) => l.checkVisibility()))).toEqual(
      ALL.map(() => true),
    )
    expect(await page.locator('[role=tablist]').isVisible()).toBe(false)
    expect(await page.locator('.ps-copy').first().isVisible()).toBe(false)
  })

  test('in print every panel shows under its label, without tabs or copy buttons', async () => {
    const page = await site.open('/authentication/?lang=java')
    await page.emulateMedia({ media: 'print' })
    expect(await visiblePanels(page)).toEqual(ALL)
    expect(await page.locator('.ps-label').first().isVisible()).toBe(true)
    expect(await page.locator('[role=tablist]').isVisible()).toBe(false)
    expect(await page.locator('.ps-copy').first().isVisible()).toBe(false)
  })
})
