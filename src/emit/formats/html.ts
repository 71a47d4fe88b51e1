/**
 * A self-contained HTML fragment per spec: the shared tabs markup (src/tabs) with Shiki
 * highlighting, plus the tabs stylesheet and custom element inlined, so a CMS or blog can paste
 * it into any page. It makes no network request; the element is defined once however many
 * fragments a page holds. Colours follow `[data-theme]` on the page, else the reader's system
 * setting (see src/tabs/tabs.css).
 */
import { renderTabs } from '../../tabs/render-tabs.ts'
import { baseName, type Format, type FormatContext, type SpecGroup } from './format.ts'

// The shared stylesheet takes its dark colours from Starlight's variables, which a CMS page does
// not have; a fragment brings its own, for a dark system setting or a `data-theme="dark"` host.
const DARK = '--ps-accent:#93c5fd;--ps-text:#f3f4f6;--ps-muted:#d1d5db;--ps-border:#4b5563;--ps-bg:#111827'
const FRAGMENT_CSS = [
  '.ps-code pre{tab-size:4}',
  `@media (prefers-color-scheme:dark){:root:not([data-theme]) polysnip-tabs{${DARK}}}`,
  `[data-theme=dark] polysnip-tabs{${DARK}}`,
].join('\n')

/** The tabs markup alone (no style, no script), for hosts that load those once per page. */
export function renderTabsMarkup(group: SpecGroup, context: FormatContext): string {
  const { spec, snippets } = group
  const { highlight, verified } = context
  if (!highlight) throw new Error('unreachable: the caller prepares the highlighter')
  return renderTabs({
    id: spec.id,
    title: spec.title,
    items: snippets.map((s) => ({
      id: s.target.id,
      label: s.target.label,
      language: s.target.language,
      code: s.code,
      highlightedHtml: highlight(s.code, s.target.shiki),
      file: baseName(s.file),
      verifiedWith: verified?.(spec.id, s.target.id),
    })),
  })
}

export const htmlFormat: Format = {
  id: 'html',
  summary: 'Highlighted, self-contained HTML tabs fragment: <spec>/tabs.html',
  highlights: true,
  render(group, context) {
    const { tabsAssets } = context
    if (!tabsAssets) throw new Error('unreachable: checked by renderFormats')
    const { spec } = group
    const content = [
      `<!-- polysnip: ${spec.id}, generated; edit the spec, not this file -->`,
      `<style>\n${tabsAssets.css}\n${FRAGMENT_CSS}\n</style>`,
      // A classic script before the markup defines the element first, so each group is set up
      // (saved language applied) as it is parsed, before it is painted.
      `<script>\n${tabsAssets.script}\n</script>`,
      renderTabsMarkup(group, context),
      '',
    ].join('\n')
    return [{ path: `${spec.id}/tabs.html`, content }]
  },
}
