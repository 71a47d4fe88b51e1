/**
 * MkDocs Material content tabs (`=== "Go"`, pymdownx.tabbed with `alternate_style`). Material
 * links tabs by label when `content.tabs.link` is on, so labels must match across pages.
 */
import { baseName, fence, quoted, type Format } from './format.ts'

export const mkdocsFormat: Format = {
  id: 'mkdocs',
  summary: 'MkDocs Material content tabs (=== "Go"): <spec>/mkdocs.md',
  render({ spec, snippets }) {
    // A tab's content is the block indented by four spaces under its marker.
    const tabs = snippets.map((s) => {
      const code = fence(s.code, `${s.target.shiki} title=${quoted(baseName(s.file))}`, '    ')
      return `=== ${quoted(s.target.label)}\n\n${code}\n`
    })
    return [{ path: `${spec.id}/mkdocs.md`, content: tabs.join('\n') }]
  },
}
