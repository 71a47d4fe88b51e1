/**
 * The Authorization header generator on the authentication page, in Chromium: RFC 7617
 * vectors, RFC warnings, masking, and proof that typing sends no request and stores nothing.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { startSite, type SiteFixture } from './site-fixture.ts'

let site: SiteFixture
beforeAll(async () => {
  site = await startSite()
}, 300_000)
afterAll(() => site?.close())

async function fill(page: Page, id: string, secret: string): Promise<string> {
  await page.getByLabel('Customer ID').fill(id)
  await page.getByLabel('Customer secret', { exact: true }).fill(secret)
  return (await page.locator('[data-hg-out]').textContent()) ?? ''
}

test('RFC 7617 vectors give the right header, and typing makes no request', async () => {
  const page = await site.open('/authentication/')
  await page.waitForLoadState('networkidle')
  const requests: string[] = []
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`))

  expect(await fill(page, 'Aladdin', 'open sesame')).toBe(
    'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
  )
  expect(await fill(page, 'test', '123£')).toBe('Authorization: Basic dGVzdDoxMjPCow==')
  expect(await fill(page, 'Your customer ID', 'Your customer secret')).toBe(
    'Authorization: Basic WW91ciBjdXN0b21lciBJRDpZb3VyIGN1c3RvbWVyIHNlY3JldA==',
  )
  await page.getByLabel('Customer secret', { exact: true }).press('Enter')
  await page.waitForTimeout(300)

  // Starlight loads its search UI when the browser is idle, which may be now; nothing else
  // may go out, and nothing at all may carry what was typed.
  const search = new RegExp(`^GET ${site.origin}/(_astro/ui-core\\.|pagefind/)`)
  expect(requests.filter((r) => !search.test(r))).toEqual([])
  for (const typed of ['Aladdin', 'sesame', 'customer%20secret', 'QWxhZGRpbj']) {
    expect(requests.filter((r) => r.includes(typed))).toEqual([])
  }
  expect(new URL(page.url()).search).toBe('')
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
  expect(stored).not.toContain('sesame')
  expect(stored).not.toContain('Your customer secret')
})

test('the secret is masked until shown, and copy copies the header', async () => {
  const permissions = ['clipboard-read', 'clipboard-write']
  const page = await site.open('/authentication/', { permissions })
  const secret = page.getByLabel('Customer secret', { exact: true })
  expect(await secret.getAttribute('type')).toBe('password')
  await page.getByLabel('Show secret').check()
  expect(await secret.getAttribute('type')).toBe('text')

  await fill(page, 'Aladdin', 'open sesame')
  await page.getByRole('button', { name: 'Copy header' }).click()
  await expect.poll(() => page.locator('[data-hg-status]').textContent()).toBe('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
  )
})

test('warns about a colon in the ID and control characters, as RFC 7617 requires', async () => {
  const page = await site.open('/authentication/')
  const warnings = page.locator('[data-hg-warnings] li')

  await fill(page, 'a:b', 'secret')
  expect(await warnings.allTextContents()).toEqual([expect.stringContaining('contains ":"')])
  await fill(page, 'id', 'tab\there')
  expect(await warnings.allTextContents()).toEqual([
    'The customer secret contains a control character.',
  ])
  await fill(page, 'id', 'fine')
  expect(await warnings.count()).toBe(0)
  expect(await page.locator('[data-hg-warnings]').getAttribute('aria-live')).toBe('polite')
})
