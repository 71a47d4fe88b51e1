/**
 * Renders a tab group to static HTML. Every panel is in the markup, so search engines, readers
 * without JavaScript and printers see all of them; `client.ts` adds the tab behaviour.
 */
import { PolysnipError } from '../errors.ts'
import { escapeHtml } from './html.ts'
import { tabAliases, tabKey } from './slug.ts'
import type { RenderTabsOptions, TabGroup, TabItem } from './types.ts'

export function renderTabs(group: TabGroup, options: RenderTabsOptions = {}): string {
  const prefix = options.idPrefix ?? `ps-${group.id}`
  const syncKey = options.syncKey ?? 'lang'
  const copyLabel = options.copyLabel ?? 'Copy'
  checkGroup(group)

  const tabs = group.items.map((item, i) => renderTab(item, i === 0, `${prefix}-${item.id}`))
  const panels = group.items.map((item, i) =>
    renderPanel(item, i === 0, `${prefix}-${item.id}`, copyLabel),
  )

  // The restore element comes last: when the parser reaches it, the whole group exists, so the
  // saved choice is applied before the browser paints the group.
  return [
    `<polysnip-tabs class="ps-tabs not-content" data-sync="${escapeHtml(syncKey)}">`,
    `<div class="ps-tablist" role="tablist" aria-label="${escapeHtml(group.title)}">`,
    ...tabs,
    '</div>',
    ...panels,
    '<span class="ps-status" role="status" aria-live="polite"></span>',
    '<polysnip-tabs-restore></polysnip-tabs-restore>',
    '</polysnip-tabs>',
  ].join('\n')
}

function renderTab(item: TabItem, selected: boolean, id: string): string {
  const attrs = [
    'type="button"',
    'class="ps-tab"',
    'role="tab"',
    `id="${escapeHtml(id)}-tab"`,
    `aria-controls="${escapeHtml(id)}"`,
    `aria-selected="${selected}"`,
    `tabindex="${selected ? 0 : -1}"`,
    `data-key="${tabKey(item.label)}"`,
    `data-alias="${tabAliases(item).join(' ')}"`,
  ]
  return `<button ${attrs.join(' ')}>${escapeHtml(item.label)}</button>`
}

function renderPanel(item: TabItem, selected: boolean, id: string, copyLabel: string): string {
  const label = escapeHtml(item.label)
  const meta = [
    `<button type="button" class="ps-copy" aria-label="${escapeHtml(copyLabel)} ${label}">` +
      `${escapeHtml(copyLabel)}</button>`,
  ]
  if (item.verifiedWith) {
    meta.push(`<span class="ps-verified">verified with ${escapeHtml(item.verifiedWith)}</span>`)
  }
  if (item.downloadHref) {
    meta.push(
      `<a class="ps-download" href="${escapeHtml(item.downloadHref)}" ` +
        `download="${escapeHtml(item.file)}">Download ${escapeHtml(item.file)}</a>`,
    )
  }

  // The raw program sits in a <template>: never rendered, never indexed twice, and copied as
  // is, without whatever the highlighter added.
  return [
    `<div class="ps-panel" role="tabpanel" id="${escapeHtml(id)}" ` +
      `aria-labelledby="${escapeHtml(id)}-tab" tabindex="0" data-key="${tabKey(item.label)}"` +
      `${selected ? '' : ' hidden'}>`,
    `<p class="ps-label">${label} <span class="ps-file">${escapeHtml(item.file)}</span></p>`,
    `<div class="ps-code">${item.highlightedHtml}</div>`,
    `<template class="ps-raw">${escapeHtml(item.code)}</template>`,
    `<div class="ps-meta">${meta.join(' ')}</div>`,
    '</div>',
  ].join('\n')
}

function checkGroup(group: TabGroup): void {
  if (group.items.length === 0) {
    throw new PolysnipError(`tab group "${group.id}" has no items`, {
      hint: 'pass at least one rendered snippet to renderTabs',
    })
  }
  const seen = new Map<string, string>()
  for (const item of group.items) {
    const key = tabKey(item.label)
    const other = seen.get(key)
    if (!key || other !== undefined) {
      throw new PolysnipError(
        `tab group "${group.id}": label "${item.label}" ` +
          (key ? `has the same key "${key}" as "${other}"` : 'has no letters or digits'),
        { hint: 'give every target in a group a distinct label' },
      )
    }
    seen.set(key, item.label)
  }
}
