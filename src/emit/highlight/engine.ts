/**
 * Oniguruma for Shiki, remembering each pattern scanner's answers for the line it last searched.
 *
 * Every line is tokenised twice, once per theme, because the grammar state carries the theme's
 * colours. The regular expression work is the same both times: the theme changes colours, never
 * which pattern matches where. A scanner's answer depends only on its patterns, the text, the
 * start position and the options, so the second pass gets the first pass's answers from here
 * instead of searching again; searching is most of the cost of a line no other program has.
 */
import type { RegexEngine } from 'shiki/core'

type Scanner = ReturnType<RegexEngine['createScanner']>
type Match = ReturnType<Scanner['findNextMatchSync']>

/** Wraps `engine` so that each scanner answers a repeated search on the same text from memory. */
export function rememberingEngine(engine: RegexEngine): RegexEngine {
  return {
    createString: (text) => engine.createString(text),
    createScanner(patterns) {
      const scanner = engine.createScanner(patterns)
      let text: string | undefined
      const answers = new Map<number, Match>()
      return {
        findNextMatchSync(string, start, options) {
          const content = typeof string === 'string' ? string : string.content
          if (content !== text) {
            text = content
            answers.clear()
          }
          // Start positions are below 2^32 and the options a few bits: one number says both.
          const key = start * 64 + (options as number)
          let match = answers.get(key)
          if (match === undefined) {
            match = scanner.findNextMatchSync(string, start, options)
            answers.set(key, match)
          }
          return match
        },
        dispose: () => scanner.dispose?.(),
      }
    },
  }
}
