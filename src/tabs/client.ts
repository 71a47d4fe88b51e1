/**
 * The tab behaviour for HTML from `renderTabs`: a dependency-free custom element. Load it as a
 * classic script in <head> so the saved language is applied while the page is parsed (no flash
 * of the default tab); loaded later, it still works and only the first paint may differ.
 *
 * Choice order: `?lang=` (when it names a tab) beats the stored choice, which beats the first tab.
 */
const QUERY = 'lang'
const STORE = 'polysnip-tabs:'

const tabsOf = (group: Element) => [...group.querySelectorAll<HTMLElement>('[role=tab]')]

function storage(): Storage | undefined {
  // Storage access throws in some privacy modes and sandboxed frames; tabs must still work.
  try {
    return localStorage
  } catch {
    return undefined
  }
}

/** The key of the first tab matching the query, else the stored key, if this group has it. */
function preferred(group: HTMLElement): string | undefined {
  const tabs = tabsOf(group)
  const wanted = new URLSearchParams(location.search).get(QUERY)?.toLowerCase()
  const byQuery = wanted && tabs.find((t) => t.dataset.alias?.split(' ').includes(wanted))
  // A link with ?lang= is a choice too: later pages without it keep the language.
  if (byQuery) storage()?.setItem(STORE + group.dataset.sync, byQuery.dataset.key ?? '')
  if (byQuery) return byQuery.dataset.key
  const stored = storage()?.getItem(STORE + group.dataset.sync)
  return tabs.find((t) => t.dataset.key === stored)?.dataset.key
}

function select(group: Element, key: string | undefined): HTMLElement | undefined {
  const tabs = tabsOf(group)
  const chosen = tabs.find((t) => t.dataset.key === key)
  if (!chosen) return undefined
  for (const tab of tabs) {
    const on = tab === chosen
    tab.setAttribute('aria-selected', String(on))
    tab.tabIndex = on ? 0 : -1
    const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '')
    if (panel) panel.hidden = !on
  }
  return chosen
}

/** User choice: switch every group with the same sync key, keep the tab where it was on screen. */
function choose(group: Element, tab: HTMLElement): void {
  const key = tab.dataset.key
  const sync = (group as HTMLElement).dataset.sync
  const top = tab.getBoundingClientRect().top
  for (const other of document.querySelectorAll<HTMLElement>('polysnip-tabs')) {
    if (other === group || other.dataset.sync === sync) select(other, key)
  }
  window.scrollBy({ top: tab.getBoundingClientRect().top - top, behavior: 'instant' })

  storage()?.setItem(STORE + sync, key ?? '')
  const url = new URL(location.href)
  url.searchParams.set(QUERY, key ?? '')
  history.replaceState(history.state, '', url)
}

function onKey(this: HTMLElement, event: KeyboardEvent): void {
  const tabs = tabsOf(this)
  const at = tabs.indexOf(event.target as HTMLElement)
  if (at < 0) return
  const n = tabs.length
  const moves: Record<string, number> = {
    ArrowLeft: at - 1 + n,
    ArrowRight: at + 1,
    Home: 0,
    End: n - 1,
  }
  const to = moves[event.key]
  if (to === undefined) return
  event.preventDefault()
  const tab = tabs[to % n]
  if (!tab) return
  choose(this, tab)
  tab.focus()
}

async function onClick(this: HTMLElement, event: MouseEvent): Promise<void> {
  const target = event.target as HTMLElement
  const tab = target.closest<HTMLElement>('[role=tab]')
  if (tab) return choose(this, tab)
  if (!target.closest('.ps-copy')) return

  const panel = target.closest('[role=tabpanel]')
  const raw = panel?.querySelector('template')?.content.textContent ?? ''
  const status = this.querySelector('.ps-status')
  let said = 'Copied'
  try {
    await navigator.clipboard.writeText(raw)
  } catch {
    said = 'Copy failed: select the code and copy it by hand'
  }
  // Clearing first makes screen readers announce a second copy of the same panel too.
  if (status) {
    status.textContent = ''
    setTimeout(() => (status.textContent = said), 50)
  }
}

function setUp(group: HTMLElement): void {
  if (group.hasAttribute('data-ready') || !group.querySelector('[role=tab]')) return
  select(group, preferred(group))
  // The stylesheet keeps a defined but not yet set-up group out of the rendering: a long group
  // may be painted while the parser is still inside it, and must not show the default tab.
  group.setAttribute('data-ready', '')
  group.addEventListener('keydown', onKey)
  group.addEventListener('click', onClick)
}

class PolysnipTabs extends HTMLElement {
  // Upgraded after parsing (script loaded late): the children exist now.
  connectedCallback(): void {
    setUp(this)
  }
}

class PolysnipTabsRestore extends HTMLElement {
  // Parsed after the group's panels: set the group up before it is painted.
  connectedCallback(): void {
    const group = this.closest<HTMLElement>('polysnip-tabs')
    if (group) setUp(group)
  }
}

if (!customElements.get('polysnip-tabs')) {
  customElements.define('polysnip-tabs', PolysnipTabs)
  customElements.define('polysnip-tabs-restore', PolysnipTabsRestore)
  // A group whose restore element went missing (e.g. stripped by a CMS) must not stay hidden.
  document.addEventListener('DOMContentLoaded', () => {
    for (const group of document.querySelectorAll<HTMLElement>('polysnip-tabs')) setUp(group)
  })
}
