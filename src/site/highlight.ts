/**
 * Shiki highlighting with two themes as CSS variables (`defaultColor: false`): the markup is the
 * same for light and dark, and `src/tabs/tabs.css` picks the colours from `[data-theme]`.
 */
import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki'
import { PolysnipError } from '../errors.ts'

/** Themes chosen for contrast: their comment colours pass WCAG AA on their own background. */
export const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const

let highlighter: Promise<Highlighter> | undefined
// Shiki renders these without a grammar.
const loaded = new Set<string>(['text', 'plaintext', 'txt', 'plain'])

export async function highlight(code: string, lang: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: Object.values(themes), langs: [] })
  const h = await highlighter

  // Load only the grammars in use: each one costs start-up time.
  if (!loaded.has(lang)) {
    if (!(lang in bundledLanguages)) {
      throw new PolysnipError(`Shiki has no language "${lang}"`, {
        field: 'shiki',
        hint: 'set "shiki" in the target\'s target.json to a Shiki language id, or "text"',
      })
    }
    await h.loadLanguage(lang as BundledLanguage)
    loaded.add(lang)
  }
  // No time limit per line: Shiki's default stops a slow line early (a grammar's first use on a
  // busy machine is enough), which would make the site's colours depend on the machine's load.
  return h.codeToHtml(code, { lang, themes, defaultColor: false, tokenizeTimeLimit: 0 })
}
