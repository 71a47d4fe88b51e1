// The HTML fragment pasted into a bare page and driven in Chromium: tabs, sync between two
// fragments, keyboard, ?lang=, persistence, copy, no-JS and print fallbacks, no network.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../site/browser.ts'
import { serveStatic, type StaticServer } from '../site/static-server.ts'
import { defaultBuild, rawCode, tempDir } from './helpers.ts'

const LABELS = ['Go', 'Node.js', 'PHP', 'Python', 'Java', 'C#', 'curl']
let browser: Browser
let server: StaticServer
let raw: Map<string, string>

beforeAll(async () => {
  const { out, result } = await defaultBuild()
  raw = rawCode(result, 'list-projects')
  const site = await tempDir()
  const fragment = (spec: string) => readFile(join(out, spec, 'tabs.html'), 'utf8')
  // A host page that knows nothing about polysnip: the fragments are pasted in as they are.
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>` +
    `<body><main><h1>Host page</h1>${body}<p style="height:2000px">end</p></main></body></html>`
  await writeFile(join(site, 'two.html'), page(`${await fragment('list-projects')}\n${await fragment('create-project')}`))
  await writeFile(join(site, 'one.html'), page(await fragment('list-projects')))
  server = await serveStatic(site)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({ ...options, permissions: ['clipboard-read', 'clipboard-write'] })
  const page = await context.newPage()
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(server.origin + path)
  return { context, page, requests }
}

/** The selected label of each group on the page. */
function selected(page: import('playwright-core').Page) {
  return page.locator('polysnip-tabs').evaluateAll((groups) =>
    groups.map((g) => g.querySelector('[role=tab][aria-selected=true]')?.textContent))
}

function visiblePanels(page: import('playwright-core').Page) {
  return page.locator('.ps-panel:visible').count()
}

describe('html fragment in Chromium', () => {
  it('switches tabs by mouse, keeps two fragments in sync, and makes no network request', async () => {
    const { context, page, requests } = await open('/two.html')
    expect(await page.locator('polysnip-tabs').count()).toBe(2)
    expect(await page.locator('polysnip-tabs').first().getByRole('tab').allTextContents()).toEqual(LABELS)
    expect(await selected(page)).toEqual(['Go', 'Go'])

    await page.locator('polysnip-tabs').first().getByRole('tab', { name: 'Python' }).click()
    expect(await selected(page)).toEqual(['Python', 'Python'])
    expect(await visiblePanels(page)).toBe(2)
    expect(await page.locator('.ps-panel:visible pre.shiki').first().textContent()).toBe(raw.get('python')?.trimEnd())
    expect(new URL(page.url()).searchParams.get('lang')).toBe('python')

    // Shiki output carries both themes as CSS variables.
    const style = await page.locator('.ps-panel:visible pre.shiki').first().getAttribute('style')
    expect(style).toMatch(/--shiki-light:.*--shiki-dark:/)
    expect(requests).toEqual([`${server.origin}/two.html`])
    await context.close()
  })

  it('follows the APG keys: arrows wrap, Home and End', async () => {
    const { context, page } = await open('/one.html')
    const tabs = page.getByRole('tab')
    await tabs.first().focus()
    await page.keyboard.press('ArrowLeft')
    expect(await selected(page)).toEqual(['curl'])
    await page.keyboard.press('ArrowRight')
    expect(await selected(page)).toEqual(['Go'])
    await page.keyboard.press('End')
    expect(await selected(page)).toEqual(['curl'])
    await page.keyboard.press('Home')
    expect(await selected(page)).toEqual(['Go'])
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Go')
    await context.close()
  })

  it('selects from ?lang= and restores the stored choice on the next visit', async () => {
    const { context, page } = await open('/one.html?lang=java')
    expect(await selected(page)).toEqual(['Java'])
    await page.goto(`${server.origin}/two.html`)
    expect(await selected(page)).toEqual(['Java', 'Java'])
    await page.goto(`${server.origin}/one.html?lang=no-such-language`)
    expect(await selected(page)).toEqual(['Java'])
    await context.close()
  })

  it('copies the raw program and announces it', async () => {
    const { context, page } = await open('/one.html?lang=csharp')
    await page.locator('.ps-panel:visible .ps-copy').click()
    await expect.poll(() => page.locator('.ps-status').textContent()).toBe('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(raw.get('csharp'))
    await context.close()
  })

  it('shows every panel under its label without JavaScript and in print', async () => {
    const noJs = await open('/one.html', { javaScriptEnabled: false })
    expect(await visiblePanels(noJs.page)).toBe(7)
    expect(await noJs.page.locator('.ps-label:visible').allTextContents()).toEqual(
      LABELS.map((l, i) => `${l} ${['main.go', 'index.mjs', 'index.php', 'main.py', 'Main.java', 'app.cs', 'request.sh'][i]}`),
    )
    await noJs.context.close()

    const print = await open('/one.html')
    await print.page.emulateMedia({ media: 'print' })
    expect(await visiblePanels(print.page)).toBe(7)
    expect(await print.page.locator('.ps-copy:visible').count()).toBe(0)
    await print.context.close()
  })
})
