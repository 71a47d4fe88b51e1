/** Shared set-up for the browser tests: the built site, a server for it, and Chromium. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { launchBrowser } from './browser.ts'
import { ensureSite } from './build-site.ts'
import { serveStatic, type StaticServer } from './static-server.ts'

export interface SiteFixture {
  origin: string
  browser: Browser
  /** A page in a fresh context (empty storage), closed by `close()`. */
  open(path: string, options?: BrowserContextOptions): Promise<Page>
  close(): Promise<void>
}

export async function startSite(): Promise<SiteFixture> {
  const server: StaticServer = await serveStatic(await ensureSite())
  const browser = await launchBrowser()
  const pages: Page[] = []
  return {
    origin: server.origin,
    browser,
    async open(path, options = {}) {
      const viewport = { width: 1280, height: 800 }
      const context = await browser.newContext({ viewport, ...options })
      const page = await context.newPage()
      pages.push(page)
      await page.goto(server.origin + path)
      return page
    },
    async close() {
      await Promise.all(pages.map((p) => p.context().close()))
      await browser.close()
      await server.close()
    },
  }
}

/** The key of the selected tab in each tab group on the page, in document order. */
export function selectedKeys(page: Page): Promise<string[]> {
  return page.$$eval('polysnip-tabs', (groups) =>
    groups.map((g) => g.querySelector('[aria-selected=true]')?.getAttribute('data-key') ?? ''),
  )
}

/** Keys of the panels a reader can see, in document order. */
export function visiblePanels(page: Page): Promise<string[]> {
  return page.$$eval('[role=tabpanel]', (panels) =>
    panels
      .filter((p) => (p as HTMLElement).offsetHeight > 0)
      .map((p) => p.getAttribute('data-key') ?? ''),
  )
}
