// polysnip's highlighter (src/emit/highlight) against Shiki's own codeToHtml, with real Shiki:
// the HTML it writes from tokens, its per-line cache, and the worker thread of the built CLI.
import { execFile } from 'node:child_process'
import { readFile, mkdir, cp, writeFile, readdir, rm, stat, symlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { createHighlighterCore, type HighlighterCore } from 'shiki/core'
import { createOnigurumaEngine } from 'shiki/engine/oniguruma'
import { bundledLanguages } from 'shiki/langs'
import { bundledThemes } from 'shiki/themes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSpecInputs, specYaml } from '../../bench/lib/spec-set.ts'
import type { Manifest } from '../../src/emit/generate.ts'
import { createCodeHighlighter, THEMES, type CodeHighlighter } from '../../src/emit/highlight/highlighter.ts'
import { loadTargets } from '../../src/render/targets.ts'
import { renderSnippet } from '../../src/render/render.ts'
import { parseSpec } from '../../src/spec/load.ts'
import { readTree, tempDir } from '../core/helpers.ts'

const exec = promisify(execFile)
const LANGS = ['go', 'javascript', 'php', 'python', 'java', 'csharp', 'bash']

interface Program {
  name: string
  code: string
  lang: string
}

/** Every program in the committed snippets/ folder, as gen highlights it (no final newline). */
async function committedPrograms(): Promise<Program[]> {
  const manifest = JSON.parse(await readFile('snippets/manifest.json', 'utf8')) as Manifest
  return Promise.all(
    manifest.snippets.map(async (s) => {
      const code = (await readFile(join('snippets', s.file), 'utf8')).replace(/\n$/, '')
      return { name: s.file, code, lang: s.shiki }
    }),
  )
}

/** Programs for the benchmark's generated specs (every method, body and credential mode). */
async function generatedPrograms(count: number): Promise<Program[]> {
  const targets = await loadTargets([])
  return generateSpecInputs(count).flatMap((input) => {
    const spec = parseSpec(specYaml(input), `${input.id}.yaml`)
    return targets.map((t) => ({
      name: `${input.id}/${t.file}`,
      code: renderSnippet(spec, t).replace(/\n$/, ''),
      lang: t.shiki,
    }))
  })
}

let shiki: HighlighterCore
let ours: CodeHighlighter
let programs: Program[]

beforeAll(async () => {
  shiki = await createHighlighterCore({
    langs: LANGS.map((l) => bundledLanguages[l as keyof typeof bundledLanguages]),
    themes: [bundledThemes[THEMES.light], bundledThemes[THEMES.dark]],
    engine: createOnigurumaEngine(import('shiki/wasm')),
  })
  ours = await createCodeHighlighter(LANGS)
  programs = [...(await committedPrograms()), ...(await generatedPrograms(40))]
}, 60_000)

afterAll(() => {
  shiki.dispose()
  ours.dispose()
})

const reference = (p: Pick<Program, 'code' | 'lang'>) =>
  shiki.codeToHtml(p.code, { lang: p.lang, themes: THEMES, defaultColor: false })

describe('createCodeHighlighter', () => {
  it('writes exactly what codeToHtml writes, for every committed and 280 generated programs', () => {
    expect(programs.length).toBeGreaterThan(290)
    for (const p of programs) expect(ours.html(p.code, p.lang), p.name).toBe(reference(p))
  })

  it('gives the same bytes from its line cache, in any order of programs', async () => {
    // `ours` has seen every program once above; a line seen twice is kept in full, so after
    // one more pass this one is served from its cache. A new highlighter fed the programs
    // backwards fills its cache from other programs first.
    for (const p of programs) ours.html(p.code, p.lang)
    const fresh = await createCodeHighlighter(LANGS)
    try {
      const backwards = [...programs].reverse().map((p) => fresh.html(p.code, p.lang)).reverse()
      programs.forEach((p, i) => {
        const expected = reference(p)
        expect(ours.html(p.code, p.lang), p.name).toBe(expected)
        expect(backwards[i], p.name).toBe(expected)
      })
    } finally {
      fresh.dispose()
    }
  })

  it('tells grammar states apart by what they hold, e.g. a heredoc delimiter', () => {
    // After the first line the two states differ only in the end pattern (`A` or `B`), so the
    // cached "A" line must not be reused for the second program, where it does not end the text.
    const cases = [
      { code: 'cat <<A\nA\necho "$HOME"', lang: 'bash' },
      { code: 'cat <<B\nA\necho "$HOME"', lang: 'bash' },
      { code: '$a = <<<EOT\nEOT;\n$b = "x";', lang: 'php' },
      { code: '$a = <<<XYZ\nEOT;\n$b = "x";', lang: 'php' },
      { code: 'x = """\n"""\ny = 1', lang: 'python' },
      { code: "x = '''\n\"\"\"\ny = 1", lang: 'python' },
    ]
    for (const c of cases) expect(ours.html(c.code, c.lang), c.code).toBe(reference(c))
  })

  it('handles empty code, empty lines, CRLF, white space only, and text to escape', () => {
    const cases = [
      { code: '', lang: 'go' },
      { code: '\n\n', lang: 'python' },
      { code: 'a := 1\r\nb := "<&>"\r\n', lang: 'go' },
      { code: '   \n\t\n  x = 1  ', lang: 'python' },
      { code: 'echo "<b>&amp;</b>" # <!-- & -->', lang: 'bash' },
      { code: 'const s = `\u00a0\u2028${"é"}\u{1F600}`', lang: 'javascript' },
    ]
    for (const c of cases) expect(ours.html(c.code, c.lang), JSON.stringify(c.code)).toBe(reference(c))
  })

  it('refuses a language Shiki does not have, naming it', async () => {
    await expect(createCodeHighlighter(['go', 'cobolish'])).rejects.toMatchObject({
      name: 'PolysnipError',
      message: 'Shiki has no language "cobolish"',
      place: { field: 'shiki' },
    })
  })
})

describe('polysnip gen --format html with a worker thread', () => {
  beforeAll(async () => {
    await exec('node', ['scripts/build-lib.mjs'])
  }, 60_000)

  it('writes the same files as with this thread alone', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'specs'))
    for (const input of generateSpecInputs(60)) {
      await writeFile(join(dir, 'specs', `${input.id}.yaml`), specYaml(input))
    }
    // No highlight cache: the second run would otherwise read what the first one made.
    await writeFile(join(dir, 'polysnip.config.json'), JSON.stringify({ highlightCache: false }))
    const bin = join(process.cwd(), 'bin', 'polysnip.mjs')
    const run = (out: string, workers: string) =>
      exec('node', [bin, 'gen', '--format', 'html', '--out', out, '--no-cache', '--quiet'], {
        cwd: dir,
        env: { ...process.env, POLYSNIP_HIGHLIGHT_WORKERS: workers },
      })
    await run('alone', '0')
    await run('with-worker', '1')

    const [a, b] = [await readTree(join(dir, 'with-worker')), await readTree(join(dir, 'alone'))]
    expect(Object.keys(a).length).toBe(60 * 8 + 1)
    expect(a).toEqual(b)
  }, 120_000)

  it('writes its image of compiled patterns when missing, then highlights the same with it', async () => {
    // A copy of the command, so that removing its image leaves the repository's build alone.
    const command = await tempDir('polysnip-command-')
    for (const path of ['bin', 'dist', 'package.json']) {
      await cp(path, join(command, path), { recursive: true })
    }
    for (const path of ['src', 'templates', 'node_modules']) {
      await symlink(resolve(path), join(command, path))
    }
    const image = join(command, 'dist', 'cli', 'onig.image')
    await rm(image)

    const dir = await tempDir()
    await mkdir(join(dir, 'specs'))
    for (const input of generateSpecInputs(10)) {
      await writeFile(join(dir, 'specs', `${input.id}.yaml`), specYaml(input))
    }
    const run = async (out: string) => {
      const bin = join(command, 'bin', 'polysnip.mjs')
      const args = [bin, 'gen', '--format', 'html', '--out', out, '--no-cache', '--quiet']
      await exec('node', args, { cwd: dir })
      return readTree(join(dir, out))
    }

    // Missing: patterns are compiled as they are needed, and the image is written at exit.
    const first = await run('first')
    const made = await readFile(image)
    const header = JSON.parse(made.subarray(4, 4 + made.readUInt32LE(0)).toString()) as {
      patterns: unknown[]
    }
    expect(header.patterns.length).toBeGreaterThan(500)

    // Present: used, and left as it was.
    const { mtimeMs } = await stat(image)
    expect(await run('second')).toEqual(first)
    expect((await stat(image)).mtimeMs).toBe(mtimeMs)

    // Made for another Oniguruma: refused, and written again for this one.
    const stale = Buffer.from(made)
    const hash = stale.indexOf('"wasm":"') + 8
    stale[hash] = stale[hash] === 0x30 ? 0x31 : 0x30
    await writeFile(image, stale)
    expect(await run('third')).toEqual(first)
    expect((await readFile(image)).equals(made)).toBe(true)
  }, 120_000)

  it('leaves the output folder as it was when generation fails halfway', async () => {
    // A target whose program is called tabs.html collides with the html format's file: the
    // error comes after that spec's program was already handed to the writer.
    const dir = await tempDir()
    await cp('templates/go', join(dir, 'templates', 'gohtml'), { recursive: true })
    const meta = JSON.parse(await readFile(join(dir, 'templates', 'gohtml', 'target.json'), 'utf8'))
    await writeFile(
      join(dir, 'templates', 'gohtml', 'target.json'),
      JSON.stringify({ ...meta, id: 'gohtml', label: 'Go HTML', file: 'tabs.html', order: 99 }),
    )
    const spec = join(process.cwd(), 'specs', 'list-projects.yaml')
    const bin = join(process.cwd(), 'bin', 'polysnip.mjs')
    await exec('node', [bin, 'gen', '--spec', spec, '--format', 'md', '--out', 'out', '--quiet'], { cwd: dir })
    const before = await readTree(join(dir, 'out'))

    const failed = await exec(
      'node',
      [bin, 'gen', '--spec', spec, '--templates', 'templates', '--format', 'html', '--out', 'out'],
      { cwd: dir },
    ).catch((e: { code: number; stderr: string }) => e)
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining('two outputs would write') })
    expect(await readTree(join(dir, 'out'))).toEqual(before)
    const left = await readdir(join(dir, 'out'), { recursive: true })
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([])
  }, 60_000)
})
