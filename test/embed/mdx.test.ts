// The MDX wrappers compiled and run by the MDX compiler, with stand-ins for the framework's
// Tabs/TabItem that record their props, to prove the structure each framework receives.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { compile, evaluate } from '@mdx-js/mdx'
import { describe, expect, it } from 'vitest'
import { defaultBuild, rawCode } from './helpers.ts'

interface Node {
  type: unknown
  props: Record<string, unknown> & { children?: unknown }
}

// A JSX runtime that builds plain objects, so the rendered tree can be inspected without React.
const runtime = {
  Fragment: 'Fragment',
  jsx: (type: unknown, props: Node['props']): Node => ({ type, props }),
  jsxs: (type: unknown, props: Node['props']): Node => ({ type, props }),
}

function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const v of value) yield* walk(v)
  else if (value && typeof value === 'object' && 'props' in value) {
    const node = value as Node
    // Components (the Tabs/TabItem stand-ins) are rendered the way a framework would.
    if (typeof node.type === 'function') return yield* walk((node.type as (p: object) => unknown)(node.props))
    yield node
    yield* walk(node.props.children)
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(text).join('')
  return value && typeof value === 'object' && 'props' in value ? text((value as Node).props.children) : ''
}

/** Compiles the file as is (imports included), then runs it without its import lines. */
async function runMdx(source: string) {
  const codeNodes: Array<{ lang: string; meta: string }> = []
  const collect = () => (tree: { children: unknown[] }) => {
    const visit = (n: { type?: string; lang?: string; meta?: string; children?: unknown[] }) => {
      if (n.type === 'code') codeNodes.push({ lang: n.lang ?? '', meta: n.meta ?? '' })
      for (const c of n.children ?? []) visit(c as typeof n)
    }
    visit(tree as never)
  }
  const compiled = String(await compile(source, { remarkPlugins: [collect] }))
  // Only the leading ESM imports go: code blocks contain `import` lines of their own.
  const lines = source.split('\n')
  const firstJsx = lines.findIndex((l) => l.startsWith('<'))
  const body = lines.filter((l, i) => i >= firstJsx || !l.startsWith('import ')).join('\n')

  const Tabs = (props: Node['props']) => runtime.jsx('Tabs', props)
  const TabItem = (props: Node['props']) => runtime.jsx('TabItem', props)
  const { default: Content } = await evaluate(body, runtime as never)
  const tree = (Content as (p: object) => unknown)({ components: { Tabs, TabItem } })
  return { compiled, codeNodes, tree }
}

describe('mdx-starlight format', () => {
  it('compiles to <Tabs syncKey="lang"> with one labelled TabItem per target around its code', async () => {
    const { out, result } = await defaultBuild()
    for (const spec of ['create-project', 'list-projects']) {
      const source = await readFile(join(out, spec, 'starlight.mdx'), 'utf8')
      const { compiled, codeNodes, tree } = await runMdx(source)
      expect(compiled).toContain('@astrojs/starlight/components')

      const nodes = [...walk(tree)]
      const tabs = nodes.filter((n) => n.type === 'Tabs')
      expect(tabs.map((t) => t.props.syncKey)).toEqual(['lang'])
      const items = nodes.filter((n) => n.type === 'TabItem')
      const snippets = result.manifest.snippets.filter((s) => s.spec === spec)
      expect(items.map((i) => i.props.label)).toEqual(snippets.map((s) => s.label))
      expect(items.map((i) => text([...walk(i.props.children)].find((n) => n.type === 'code')))).toEqual([
        ...rawCode(result, spec).values(),
      ])
      expect(codeNodes.map((c) => `${c.lang} ${c.meta}`)).toEqual(
        snippets.map((s) => `${s.shiki} title="${s.file.split('/')[1]}"`),
      )
    }
  })
})

describe('mdx-docusaurus format', () => {
  it('compiles to <Tabs groupId="lang" queryString> with value = target id and the same labels', async () => {
    const { out, result } = await defaultBuild()
    for (const spec of ['create-project', 'list-projects']) {
      const source = await readFile(join(out, spec, 'docusaurus.mdx'), 'utf8')
      const { compiled, tree } = await runMdx(source)
      expect(compiled).toContain('@theme/Tabs')
      expect(compiled).toContain('@theme/TabItem')

      const nodes = [...walk(tree)]
      const [tabs] = nodes.filter((n) => n.type === 'Tabs')
      expect(tabs?.props).toMatchObject({ groupId: 'lang', queryString: true })
      const items = nodes.filter((n) => n.type === 'TabItem')
      const snippets = result.manifest.snippets.filter((s) => s.spec === spec)
      expect(items.map((i) => [i.props.value, i.props.label])).toEqual(snippets.map((s) => [s.target, s.label]))
      expect(items.map((i) => text([...walk(i.props.children)].find((n) => n.type === 'code')))).toEqual([
        ...rawCode(result, spec).values(),
      ])
    }
  })

  it('quotes labels that JSX would otherwise misread', async () => {
    const { jsxAttr } = await import('../../src/emit/formats/format.ts')
    const label = 'Say "hi" {now} <b>'
    const { tree } = await runMdx(`<TabItem ${jsxAttr('label', label)}>\n\nx\n\n</TabItem>\n`)
    expect([...walk(tree)].find((n) => n.type === 'TabItem')?.props.label).toBe(label)
  })
})
