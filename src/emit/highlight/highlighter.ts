/**
 * Shiki (Oniguruma, TextMate grammars) highlighting of whole programs to the HTML that
 * `codeToHtml(code, { lang, themes, defaultColor: false })` writes, much faster when many
 * programs share lines, as polysnip's programs do (they come from seven templates).
 *
 * TextMate tokenisation is line by line: a line's tokens and the state after it depend only on
 * the grammar, the theme, the state before it and the line's text. So each line's HTML and end
 * states are kept under (state in the light theme, state in the dark theme, text), with the
 * states numbered by what they hold (states.ts); a line seen before in the same states costs a
 * map lookup. Unlike `codeToHtml`, nothing builds a syntax tree: HTML is written directly
 * (line-html.ts).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isMainThread } from 'node:worker_threads'
import type { HighlighterCore, LoadWasmOptions, ThemeRegistrationResolved } from 'shiki/core'
import { PolysnipError } from '../../errors.ts'
import { rememberingEngine } from './engine.ts'
import { sharedPatternEngine } from './shared-patterns.ts'
import { PatternImage, type OnigExports } from './pattern-image.ts'
import { LineWriter, type ThemeColours } from './line-html.ts'
import { INITIAL_STATE, StateNumbers } from './states.ts'

export const THEMES = { light: 'github-light', dark: 'github-dark' } as const

/**
 * No time limit per line. Shiki's default (500 ms) stops a line early and leaves the rest of it
 * in one colour, and the first line of a language also pays for compiling that grammar's
 * patterns: on a busy machine the same program then came out coloured differently from run to
 * run. Without a limit the output is what Shiki gives when the limit is not reached, every time.
 */
const TIME_LIMIT_MS = 0

/** Lines remembered per language before the memory is dropped and filled again. */
const MAX_LINES = 5_000

/**
 * A line seen once is only marked: most such lines (URLs, headers, bodies) never come again, and
 * their HTML was most of the cache's memory. A line seen twice is remembered in full.
 */
const SEEN_ONCE = null

interface LineResult {
  html: string
  light: number
  dark: number
  /** The lines known to follow in this result's end states (shared by all results ending so). */
  next: Lines
}

/** Results by line text, for one pair of states (light, dark). */
type Lines = Map<string, LineResult | typeof SEEN_ONCE>

interface Language {
  grammar: ReturnType<HighlighterCore['getLanguage']>
  states: StateNumbers
  /** Lines by the pair of states they start in. */
  pairs: Map<string, Lines>
  /** Lines remembered in full, and lines only marked as seen once. */
  size: number
  marks: number
}

export interface CodeHighlighter {
  /** The HTML `codeToHtml` gives for `code` in `lang` with polysnip's themes. */
  html(code: string, lang: string): string
  dispose(): void
}

/** Loads Shiki with `langs` (Shiki language ids) and polysnip's two themes. */
export async function createCodeHighlighter(langs: readonly string[]): Promise<CodeHighlighter> {
  const [core, { createOnigurumaEngine }, { bundledLanguages }, { bundledThemes }, { INITIAL }] =
    await Promise.all([
      import('shiki/core'),
      import('shiki/engine/oniguruma'),
      import('shiki/langs'),
      import('shiki/themes'),
      import('shiki/textmate'),
    ])
  const unknown = langs.filter((l) => !(l in bundledLanguages))
  if (unknown.length > 0) {
    throw new PolysnipError(`Shiki has no language "${unknown[0]}"`, {
      field: 'shiki',
      hint: 'set "shiki" in target.json to a Shiki language id, e.g. "bash" or "javascript"',
    })
  }
  const { wasm, image } = (onig ??= oniguruma())
  const shiki = await core.createHighlighterCore({
    langs: langs.map((l) => bundledLanguages[l as keyof typeof bundledLanguages]),
    themes: [bundledThemes[THEMES.light], bundledThemes[THEMES.dark]],
    engine: createOnigurumaEngine(wasm)
      .then((engine) => sharedPatternEngine(engine, image))
      .then(rememberingEngine),
  })
  return new LineCachingHighlighter(shiki, INITIAL)
}

interface Oniguruma {
  wasm: LoadWasmOptions
  image?: PatternImage
}

/**
 * One per thread, as Shiki instantiates Oniguruma once per thread, for its first highlighter:
 * later highlighters share that instance, and with it the patterns restored into it.
 */
let onig: Oniguruma | undefined

/**
 * Oniguruma's WebAssembly: the build's binary copy beside this bundle (scripts/build-lib.mjs),
 * with the image of its compiled patterns (pattern-image.ts); or, running from the sources,
 * Shiki's own, which is Base64 text decoded at every start.
 */
function oniguruma(): Oniguruma {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = readFileSync(new URL('./onig.wasm', import.meta.url))
  } catch {
    return { wasm: import('shiki/wasm') as LoadWasmOptions }
  }
  // Worker threads read the image but leave writing it to the main thread.
  const file = fileURLToPath(new URL('./onig.image', import.meta.url))
  const image = new PatternImage(file, bytes, isMainThread)
  // As an instantiator, not bytes: Shiki checks bytes against `Response`, whose first use loads
  // Node's fetch implementation (9 ms).
  const instantiator = async (imports?: WebAssembly.Imports) => {
    const made = await WebAssembly.instantiate(bytes, imports)
    image.restore(made.instance.exports as unknown as OnigExports)
    return made
  }
  return { wasm: { instantiator }, image }
}

class LineCachingHighlighter implements CodeHighlighter {
  private readonly languages = new Map<string, Language>()
  private readonly writer: LineWriter
  /** `<pre …><code>` and `</code></pre>`, as Shiki writes them for these themes. */
  private readonly frame: [string, string]

  constructor(
    private readonly shiki: HighlighterCore,
    private readonly initial: unknown,
  ) {
    this.writer = new LineWriter(this.colours(THEMES.light), this.colours(THEMES.dark))
    this.frame = frameOf(shiki)
  }

  html(code: string, lang: string): string {
    const language = this.language(lang)
    let light = INITIAL_STATE
    let dark = INITIAL_STATE
    let lines = this.lines(language, light, dark)
    const out: string[] = []
    for (const line of code.split(/\r?\n/)) {
      // Shiki leaves an empty line untokenised, and the state as it was.
      if (line === '') {
        out.push('<span class="line"></span>')
        continue
      }
      const result = lines.get(line) ?? this.tokenize(language, lines, line, light, dark)
      out.push(result.html)
      light = result.light
      dark = result.dark
      lines = result.next
    }
    return `${this.frame[0]}${out.join('\n')}${this.frame[1]}`
  }

  dispose(): void {
    this.shiki.dispose()
  }

  private tokenize(language: Language, lines: Lines, line: string, light: number, dark: number) {
    const { grammar, states } = language
    // The registry's theme decides the colours a new scope gets, so it is set for each run.
    this.shiki.setTheme(THEMES.light)
    const inLight = grammar.tokenizeLine2(line, states.state(light) as never, TIME_LIMIT_MS)
    this.shiki.setTheme(THEMES.dark)
    const inDark = grammar.tokenizeLine2(line, states.state(dark) as never, TIME_LIMIT_MS)
    const endLight = states.of(inLight.ruleStack)
    const endDark = states.of(inDark.ruleStack)
    const result = {
      html: this.writer.write(line, inLight.tokens, inDark.tokens),
      light: endLight,
      dark: endDark,
      next: this.lines(language, endLight, endDark),
    }
    // Past the limit everything is dropped; the lines every program has come back at once.
    if (language.size >= MAX_LINES || language.marks >= MAX_LINES * 8) {
      language.pairs.clear()
      language.size = 0
      language.marks = 0
    }
    if (lines.has(line)) {
      lines.set(line, result)
      language.size++
    } else {
      lines.set(line, SEEN_ONCE)
      language.marks++
    }
    return result
  }

  /** The lines known to start in this pair of states. */
  private lines(language: Language, light: number, dark: number): Lines {
    const key = `${light},${dark}`
    let lines = language.pairs.get(key)
    if (!lines) {
      lines = new Map()
      language.pairs.set(key, lines)
    }
    return lines
  }

  private language(lang: string): Language {
    let language = this.languages.get(lang)
    if (!language) {
      const grammar = this.shiki.getLanguage(lang)
      language = { grammar, states: new StateNumbers(this.initial), pairs: new Map(), size: 0, marks: 0 }
      this.languages.set(lang, language)
    }
    return language
  }

  private colours(name: string): ThemeColours {
    const { theme, colorMap } = this.shiki.setTheme(name)
    const replace = (theme as ThemeRegistrationResolved).colorReplacements ?? {}
    return { colours: colorMap.map((c) => (c && replace[c.toLowerCase()]) || c) }
  }
}

/** Shiki's `<pre>` and `<code>` around the lines, taken from its output for empty code. */
function frameOf(shiki: HighlighterCore): [string, string] {
  const empty = shiki.codeToHtml('', { lang: 'text', themes: THEMES, defaultColor: false })
  const start = empty.indexOf('<code>')
  const end = empty.lastIndexOf('</code>')
  const frame: [string, string] = [empty.slice(0, start + '<code>'.length), empty.slice(end)]
  if (start < 0 || !frame[0].startsWith('<pre ') || frame[1] !== '</code></pre>') {
    throw new Error(`unreachable: Shiki wrote ${empty} for empty code`)
  }
  return frame
}
