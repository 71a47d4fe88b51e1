// Markdown outputs read back by real consumers: markdown-it (CommonMark) for the plain fences
// and the VitePress code group, Python-Markdown + pymdown-extensions for MkDocs Material tabs.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { fence } from '../../src/emit/formats/format.ts'
import { launchBrowser } from '../site/browser.ts'
import { defaultBuild, exec, rawCode, SYSTEM_PYTHON, tempDir } from './helpers.ts'

const md = new MarkdownIt()
const SPECS = ['create-project', 'list-projects']
const LABELS = ['Go', 'Node.js', 'PHP', 'Python', 'Java', 'C#', 'curl']

function fences(text: string) {
  return md.parse(text, {}).filter((t) => t.type === 'fence').map((t) => ({ info: t.info, code: t.content }))
}

describe('md format', () => {
  it('writes one fence per snippet whose content is the raw program, titled with its file', async () => {
    const { out, result } = await defaultBuild()
    for (const snippet of result.manifest.snippets) {
      const ref = snippet.outputs?.md
      expect(ref?.file).toBe(`${snippet.file}.md`)
      const parsed = fences(await readFile(join(out, ref?.file ?? ''), 'utf8'))
      expect(parsed).toHaveLength(1)
      expect(parsed[0]?.code).toBe(await readFile(join(out, snippet.file), 'utf8'))
      expect(parsed[0]?.info).toBe(`${snippet.shiki} title="${snippet.file.split('/')[1]}"`)
    }
  })

  it('writes one file per spec with every target under its label, in tab order', async () => {
    const { out, result } = await defaultBuild()
    for (const spec of SPECS) {
      const text = await readFile(join(out, spec, 'all.md'), 'utf8')
      const tokens = md.parse(text, {})
      const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [tokens[i + 1]?.content] : []))
      expect(headings).toEqual(LABELS)
      expect(fences(text).map((f) => f.code)).toEqual([...rawCode(result, spec).values()])
    }
  })

  it('keeps code that contains a fence inside a longer one', () => {
    const code = 'cat <<EOF\n```\nnot the end\n```\nEOF\n'
    const parsed = fences(fence(code, 'bash'))
    expect(parsed).toEqual([{ info: 'bash', code }])
  })
})

describe('vitepress format', () => {
  it('puts every target in one code group, titled with its tab label', async () => {
    const { out, result } = await defaultBuild()
    for (const spec of SPECS) {
      const text = await readFile(join(out, spec, 'vitepress.md'), 'utf8')
      const lines = text.trimEnd().split('\n')
      expect(lines[0]).toBe('::: code-group')
      expect(lines.at(-1)).toBe(':::')
      const parsed = fences(text)
      const codes = [...rawCode(result, spec).values()]
      expect(parsed.map((f) => f.info.match(/\[(.*)\]$/)?.[1])).toEqual(LABELS)
      expect(parsed.map((f) => f.code)).toEqual(codes)
    }
  })
})

function expandTabs(text: string): string {
  return text.split('\n').map((line) => {
    let col = 0
    return [...line].map((c) => {
      const s = c === '\t' ? ' '.repeat(4 - (col % 4)) : c
      col += s.length
      return s
    }).join('')
  }).join('\n')
}

describe('mkdocs format (Material content tabs)', () => {
  const script = [
    'import sys, markdown',
    'text = open(sys.argv[1], encoding="utf-8").read()',
    'print(markdown.markdown(text, extensions=["pymdownx.superfences", "pymdownx.tabbed",',
    '  "pymdownx.highlight"], extension_configs={"pymdownx.tabbed": {"alternate_style": True}}))',
  ].join('\n')

  async function hasPymdownx(): Promise<boolean> {
    const ok = await exec(SYSTEM_PYTHON, ['-c', 'import markdown, pymdownx']).then(() => true, () => false)
    if (!ok && process.env.CI === 'true') {
      throw new Error('python3-pymdownx is missing; CI must install it (apt-get install python3-pymdownx)')
    }
    return ok
  }

  it('renders one tab per target with the raw program, titled, via pymdown-extensions', async (ctx) => {
    if (!(await hasPymdownx())) return ctx.skip()
    const { out, result } = await defaultBuild()
    const dir = await tempDir()
    await writeFile(join(dir, 'render.py'), script)
    const browser = await launchBrowser()
    try {
      for (const spec of SPECS) {
        const { stdout: html } = await exec(SYSTEM_PYTHON, [join(dir, 'render.py'), join(out, spec, 'mkdocs.md')])
        // The browser reads the rendered HTML as a reader's would: labels, titles, code text.
        const page = await browser.newPage()
        await page.setContent(html)
        const labels = await page.locator('.tabbed-labels label').allTextContents()
        const titles = await page.locator('.tabbed-block .filename').allTextContents()
        const codes = await page.locator('.tabbed-block code').allTextContents()
        await page.close()
        expect(labels).toEqual(LABELS)
        expect(titles).toEqual(result.manifest.snippets.filter((s) => s.spec === spec).map((s) => s.file.split('/')[1]))
        // Python-Markdown expands tabs to 4-column stops in the whole document, code included.
        expect(codes).toEqual([...rawCode(result, spec).values()].map(expandTabs))
      }
    } finally {
      await browser.close()
    }
  })
})
