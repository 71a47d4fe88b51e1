/**
 * VitePress code groups: `::: code-group` around fences whose `[title]` is the tab label. The
 * label (not the file name) is used so the tabs read the same as in every other format.
 */
import { fence, type Format } from './format.ts'

export const vitepressFormat: Format = {
  id: 'vitepress',
  summary: 'VitePress code group (::: code-group): <spec>/vitepress.md',
  render({ spec, snippets }) {
    // VitePress ends the title at the first "]"; a label holding one would be cut short.
    const blocks = snippets.map((s) => fence(s.code, `${s.target.shiki} [${s.target.label.replace(/]/g, ')')}]`))
    const content = ['::: code-group', '', blocks.join('\n\n'), '', ':::', ''].join('\n')
    return [{ path: `${spec.id}/vitepress.md`, content }]
  },
}
