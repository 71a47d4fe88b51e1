/**
 * Docusaurus MDX: `<Tabs groupId="lang" queryString>`. Docusaurus syncs by `value`, so the value
 * is the target id (stable across specs) and `?lang=<id>` selects a tab from the URL.
 */
import { baseName, fence, jsxAttr, quoted, type Format } from './format.ts'

export const docusaurusFormat: Format = {
  id: 'mdx-docusaurus',
  summary: 'Docusaurus MDX tabs (<Tabs groupId="lang" queryString>): <spec>/docusaurus.mdx',
  render({ spec, snippets }) {
    const items = snippets.map((s) => {
      const code = fence(s.code, `${s.target.shiki} title=${quoted(baseName(s.file))}`)
      const attrs = `${jsxAttr('value', s.target.id)} ${jsxAttr('label', s.target.label)}`
      return `<TabItem ${attrs}>\n\n${code}\n\n</TabItem>`
    })
    const content = [
      "import Tabs from '@theme/Tabs'",
      "import TabItem from '@theme/TabItem'",
      '',
      '<Tabs groupId="lang" queryString>',
      ...items,
      '</Tabs>',
      '',
    ].join('\n')
    return [{ path: `${spec.id}/docusaurus.mdx`, content }]
  },
}
