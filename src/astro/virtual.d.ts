// The module the polysnip Astro integration serves to polysnip-tabs.astro.
declare module 'virtual:polysnip' {
  /** Tabs markup by spec id. */
  export const groups: Record<string, string>
  /** The tabs stylesheet. */
  export const css: string
  /** The tabs client script (a classic script). */
  export const script: string
}
