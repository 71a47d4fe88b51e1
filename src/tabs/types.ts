/**
 * The input of the tabs renderer: one group of code tabs, usually one spec rendered for every
 * target. The docs site, the HTML fragment and the Astro component for other sites all build
 * this shape, so they produce the same markup.
 */
export interface TabItem {
  /** Stable id of the target, e.g. `python`; used in element ids and as a `?lang=` alias. */
  id: string
  /** Text on the tab, e.g. `Node.js`. Tabs with the same label stay in sync. */
  label: string
  /** Language name, e.g. `shell`; also accepted as a `?lang=` alias. */
  language: string
  /** The raw program. The copy button copies exactly this text. */
  code: string
  /** Highlighted HTML of `code` (e.g. Shiki with CSS-variable themes), inserted as is. */
  highlightedHtml: string
  /** File name shown to readers and used for the download, e.g. `main.py`. */
  file: string
  /** Where the raw file can be downloaded; no download link when absent. */
  downloadHref?: string | undefined
  /** Toolchain and version the program passed with, e.g. `Python 3.11.2`. */
  verifiedWith?: string | undefined
}

export interface TabGroup {
  /** Id of the group, usually the spec id; prefixes every element id. */
  id: string
  /** Accessible name of the tab list, e.g. the spec title. */
  title: string
  items: TabItem[]
}

export interface RenderTabsOptions {
  /**
   * Prefix of every element id in the group. Change it when one page shows the same group twice.
   * @default `ps-${group.id}`
   */
  idPrefix?: string
  /**
   * Groups with the same sync key switch together and share the stored choice.
   * @default 'lang'
   */
  syncKey?: string
  /**
   * Text of the copy button.
   * @default 'Copy'
   */
  copyLabel?: string
}
