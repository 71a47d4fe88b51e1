/** The tabs renderer and its keys, without a browser: markup, escaping and bad input. */
import { describe, expect, test } from 'vitest'
import { renderTabs } from '../../src/tabs/render-tabs.ts'
import { tabAliases, tabKey } from '../../src/tabs/slug.ts'
import type { TabItem } from '../../src/tabs/types.ts'

const item = (label: string, id = label.toLowerCase()): TabItem => ({
  id,
  label,
  language: id,
  code: `print("</template><script>alert(1)</script> & ${label}")\n`,
  highlightedHtml: '<pre class="shiki"><code>…</code></pre>',
  file: 'main.py',
})

describe('tabKey', () => {
  test('keeps labels apart that differ only in symbols', () => {
    expect(['C', 'C#', 'C++', 'Node.js', 'curl', ' Python '].map(tabKey)).toEqual([
      'c',
      'csharp',
      'cplusplus',
      'nodejs',
      'curl',
      'python',
    ])
  })

  test('aliases cover the label, the id and the language once each', () => {
    expect(tabAliases({ id: 'node', label: 'Node.js', language: 'node' })).toEqual(['nodejs', 'node'])
  })
})

describe('renderTabs', () => {
  const html = renderTabs({
    id: 'demo',
    title: 'Demo "quoted"',
    items: [item('Python'), { ...item('C#', 'csharp'), downloadHref: '/x/app.cs', verifiedWith: '.NET 10' }],
  })

  test('links tabs and panels both ways, with one tab stop and one visible panel', () => {
    expect(html).toContain('id="ps-demo-python-tab" aria-controls="ps-demo-python" aria-selected="true" tabindex="0"')
    expect(html).toContain('id="ps-demo-csharp-tab" aria-controls="ps-demo-csharp" aria-selected="false" tabindex="-1"')
    expect(html).toContain('role="tabpanel" id="ps-demo-csharp" aria-labelledby="ps-demo-csharp-tab" tabindex="0"')
    expect(html.match(/ hidden>/g)).toHaveLength(1)
    expect(html).toContain('aria-label="Demo &quot;quoted&quot;"')
  })

  test('escapes the raw code, so it cannot close its template', () => {
    expect(html).not.toContain('</template><script>')
    expect(html).toContain('&lt;/template&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Python')
  })

  test('shows verification and download only when given', () => {
    expect(html.match(/ps-verified/g)).toHaveLength(1)
    expect(html).toContain('<span class="ps-verified">verified with .NET 10</span>')
    expect(html).toContain('<a class="ps-download" href="/x/app.cs" download="main.py">')
  })

  test('puts the restore element after the last panel', () => {
    expect(html.lastIndexOf('role="tabpanel"')).toBeLessThan(html.indexOf('<polysnip-tabs-restore>'))
  })

  test('rejects an empty group and labels that collide', () => {
    expect(() => renderTabs({ id: 'x', title: 'x', items: [] })).toThrowErrorMatchingInlineSnapshot(
      `[PolysnipError: tab group "x" has no items]`,
    )
    expect(() =>
      renderTabs({ id: 'x', title: 'x', items: [item('Node.js'), item('NodeJS', 'other')] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[PolysnipError: tab group "x": label "NodeJS" has the same key "nodejs" as "Node.js"]`,
    )
  })
})
