/**
 * Starlight MDX: `<Tabs syncKey="lang">` with one `<TabItem>` per target. Starlight syncs
 * groups by label, so every group on a page (and on other pages) follows the reader's choice.
 */
import { baseName, fence, jsxAttr, quoted, type Format } from './format.ts'

export const starlightFormat: Format = {
  id: 'mdx-starlight',
  summary: 'Starlight MDX tabs (<Tabs syncKey="lang">): <spec>/starlight.mdx',
  render({ spec, snippets }) {
    const items = snippets.map((s) => {
      const code = fence(s.code, `${s.target.shiki} title=${quoted(baseName(s.file))}`)
      return `<TabItem ${jsxAttr('label', s.target.label)}>\n\n${code}\n\n</TabItem>`
    })
    const content = [
      "import { Tabs, TabItem } from '@astrojs/starlight/components'",
      '',
      '<Tabs syncKey="lang">',
      ...items,
      '</Tabs>',
      '',
    ].join('\n')
    return [{ path: `${spec.id}/starlight.mdx`, content }]
  },
}
