/**
 * Plain Markdown: one fence per snippet (`<spec>/<file>.md`) and one file per spec with every
 * target under its own heading (`<spec>/all.md`). Works anywhere CommonMark does: READMEs,
 * GitHub, MkDocs and VitePress includes, Mintlify.
 */
import { baseName, fence, quoted, type Format, type RenderedSnippet } from './format.ts'

function snippetFence(s: RenderedSnippet): string {
  return fence(s.code, `${s.target.shiki} title=${quoted(baseName(s.file))}`)
}

export const markdownFormat: Format = {
  id: 'md',
  summary: 'Markdown fences: <spec>/<file>.md per snippet and <spec>/all.md per spec',
  render({ spec, snippets }) {
    const single = snippets.map((s) => ({
      path: `${s.file}.md`,
      content: `${snippetFence(s)}\n`,
      target: s.target.id,
    }))

    // Headings carry the tab label, so a reader without tabs still sees which language is which.
    const sections = snippets.map((s) => `### ${s.target.label}\n\n${snippetFence(s)}\n`)
    const all = `${sections.join('\n')}`
    return [...single, { path: `${spec.id}/all.md`, content: all }]
  },
}
