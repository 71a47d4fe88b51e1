/**
 * One line of highlighted HTML from the binary tokens of two themes, written as one string in
 * one pass. The result is what Shiki's `codeToHtml` writes for the line with
 * `themes: { light, dark }` and `defaultColor: false` (the fragment's settings):
 *
 * - the two themes' token boundaries are merged, each piece taking the colours of the token of
 *   each theme that covers it;
 * - a piece of white space only is joined to the piece after it (Shiki's `mergeWhitespaces`);
 * - each piece becomes `<span style="--shiki-light:…;--shiki-dark:…">`, with font style, weight
 *   and decoration variables when a theme has them (`inherit` for the theme that has not);
 * - text escapes `&` and `<` as hexadecimal references, as hast-util-to-html does.
 *
 * test/embed/highlight.test.ts compares it with `codeToHtml` on every program polysnip ships.
 */

/** Turns a token's metadata into its colour and font style in one theme. */
export interface ThemeColours {
  /** Colour by foreground id (vscode-textmate's colour map), after the theme's replacements. */
  colours: readonly string[]
}

// Bit layout of vscode-textmate's encoded token metadata (EncodedTokenMetadata).
const FONT_STYLE_SHIFT = 11
const FONT_STYLE_MASK = 0b1111
const FOREGROUND_SHIFT = 15
const FOREGROUND_MASK = 0b1_1111_1111

// vscode-textmate's FontStyle bits.
const ITALIC = 1
const BOLD = 2
const UNDERLINE = 4
const STRIKETHROUGH = 8

/** The part of a token's metadata that decides its look: foreground id and font style. */
function lookOf(metadata: number): number {
  const foreground = (metadata >>> FOREGROUND_SHIFT) & FOREGROUND_MASK
  const fontStyle = (metadata >>> FONT_STYLE_SHIFT) & FONT_STYLE_MASK
  return (foreground << 4) | fontStyle
}

/** CSS properties of one theme's look, in the order Shiki lists them. */
function properties(look: number, theme: ThemeColours): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const colour = theme.colours[look >>> 4]
  if (colour) out.push(['color', colour])
  const fontStyle = look & 0b1111
  if (fontStyle & ITALIC) out.push(['font-style', 'italic'])
  if (fontStyle & BOLD) out.push(['font-weight', 'bold'])
  const decorations = [
    ...(fontStyle & UNDERLINE ? ['underline'] : []),
    ...(fontStyle & STRIKETHROUGH ? ['line-through'] : []),
  ]
  if (decorations.length > 0) out.push(['text-decoration', decorations.join(' ')])
  return out
}

/** Writes lines of HTML for one pair of themes, remembering the style of each pair of looks. */
export class LineWriter {
  private readonly styles = new Map<number, string>()

  constructor(
    private readonly light: ThemeColours,
    private readonly dark: ThemeColours,
  ) {}

  /**
   * `<span class="line">…</span>` for `line`, given `tokenizeLine2`'s tokens for it in the light
   * and the dark theme (pairs of start offset and metadata).
   */
  write(line: string, light: Uint32Array, dark: Uint32Array): string {
    let html = '<span class="line">'
    let carried = ''
    let i = 0
    let j = 0
    let start = 0
    while (start < line.length) {
      // The pieces are cut at every token boundary of either theme.
      while (i + 2 < light.length && (light[i + 2] as number) <= start) i += 2
      while (j + 2 < dark.length && (dark[j + 2] as number) <= start) j += 2
      const lightEnd = i + 2 < light.length ? (light[i + 2] as number) : line.length
      const darkEnd = j + 2 < dark.length ? (dark[j + 2] as number) : line.length
      const end = Math.min(lightEnd, darkEnd, line.length)
      const text = line.slice(start, end)
      start = end

      if (end < line.length && /^\s+$/.test(text)) {
        carried += text
        continue
      }
      const style = this.style(lookOf(light[i + 1] as number), lookOf(dark[j + 1] as number))
      const open = style === '' ? '<span>' : `<span style="${style}">`
      html += `${open}${escapeText(carried + text)}</span>`
      carried = ''
    }
    return `${html}</span>`
  }

  private style(light: number, dark: number): string {
    const key = light * 0x2000 + dark
    let style = this.styles.get(key)
    if (style === undefined) {
      style = joinStyles(properties(light, this.light), properties(dark, this.dark))
      this.styles.set(key, style)
    }
    return style
  }
}

/**
 * Each theme sets every property either theme has (`inherit` where it has none), as CSS
 * variables named after the theme: `--shiki-light`, `--shiki-dark-font-style`, …
 */
function joinStyles(light: Array<[string, string]>, dark: Array<[string, string]>): string {
  const names = [...new Set([...light, ...dark].map(([name]) => name))]
  const declare = (theme: string, props: Array<[string, string]>) =>
    names.map((name) => {
      const value = props.find(([n]) => n === name)?.[1] ?? 'inherit'
      return `--shiki-${theme}${name === 'color' ? '' : `-${name}`}:${value}`
    })
  return [...declare('light', light), ...declare('dark', dark)].join(';')
}

function escapeText(text: string): string {
  return text.replace(/[&<]/g, (c) => (c === '&' ? '&#x26;' : '&#x3C;'))
}
