/**
 * The shared tabs component outside Astro and Starlight, as a CMS page would use it: plain
 * HTML from renderTabs, the stylesheet, and the client loaded late (end of body), in Chromium.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { highlight } from '../../src/site/highlight.ts'
import { buildTabsClient, tabsCssFile } from '../../src/tabs/build-client.ts'
import { renderTabs } from '../../src/tabs/render-tabs.ts'
import type { TabItem } from '../../src/tabs/types.ts'
import { launchBrowser } from './browser.ts'
import { serveStatic, type StaticServer } from './static-server.ts'

let browser: Browser
let server: StaticServer
let dir: string

async function item(id: string, label: string, lang: string, code: string): Promise<TabItem> {
  const highlightedHtml = await highlight(code, lang)
  return { id, label, language: lang, code, highlightedHtml, file: `main.${lang}` }
}

beforeAll(async () => {
  const items = [
    await item('go', 'Go', 'go', 'package main\n\nfunc main() {}\n'),
    await item('python', 'Python', 'python', 'print("hi")\n'),
  ]
  const group = (id: string) => renderTabs({ id, title: `Sample ${id}`, items })
  const page = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS page</title>',
    `<style>${readFileSync(tabsCssFile, 'utf8')}</style></head><body><main>`,
    '<h1>A page of another site</h1>',
    group('one'),
    group('two'),
    `</main><script>${await buildTabsClient()}</script></body></html>`,
  ].join('\n')
  dir = mkdtempSync(join(tmpdir(), 'polysnip-tabs-'))
  writeFileSync(join(dir, 'index.html'), page)
  server = await serveStatic(dir)
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a late-loaded client sets the groups up, with ?lang= and sync', async () => {
  const page = await browser.newPage()
  await page.goto(`${server.origin}/?lang=python`)
  const selected = () =>
    page.$$eval('[aria-selected=true]', (tabs) => tabs.map((t) => t.textContent))
  expect(await selected()).toEqual(['Python', 'Python'])

  await page.locator('polysnip-tabs').first().getByRole('tab', { name: 'Go' }).click()
  expect(await selected()).toEqual(['Go', 'Go'])
  await page.close()
})

test('dark system setting without Starlight: readable colours, no axe violations', async () => {
  const context = await browser.newContext({ colorScheme: 'dark' })
  const page = await context.newPage()
  await page.goto(server.origin)
  const colour = await page
    .locator('.ps-tab[aria-selected=true]')
    .first()
    .evaluate((t) => getComputedStyle(t).color)
  expect(colour).toBe('rgb(147, 197, 253)')

  await page.addStyleTag({ content: 'body { background: #111827; color: #f3f4f6 }' })
  const axeFile = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)
  await page.addScriptTag({ content: readFileSync(axeFile, 'utf8') })
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } })
    return (await run.axe.run()).violations.map((v) => v.id)
  })
  expect(violations).toEqual([])
  await context.close()
})
