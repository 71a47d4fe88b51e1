/**
 * Oniguruma for Shiki, with each distinct pattern compiled once.
 *
 * A TextMate grammar's rules share their patterns: a rule's scanner holds every pattern that may
 * match next in that rule, and the same includes (expressions, strings, comments) come back in
 * dozens of scanners. Oniguruma compiles a scanner's patterns anew for every scanner, and that was
 * most of a cold run's highlighting: the seven built-in grammars made 166 scanners of 6,064
 * patterns for one spec's programs, of which only 907 differ.
 *
 * Here a new scanner is a list of one-pattern scanners, kept by pattern source and shared by all
 * scanners. A search asks each in turn and keeps what Oniguruma's own scanner keeps: the match
 * that starts first, and among matches starting at the same place the first pattern's. A
 * scanner searched often is given Oniguruma's own scanner after a while, since one call that
 * tries every pattern costs less than a call per pattern once compiling it is paid back.
 *
 * Patterns compiled ahead of time (pattern-image.ts) are taken from `precompiled` instead of
 * being compiled again, and every pattern compiled here is reported to it.
 */
import type { RegexEngine } from 'shiki/core'

type Scanner = ReturnType<RegexEngine['createScanner']>
type Match = ReturnType<Scanner['findNextMatchSync']>
type Subject = Parameters<Scanner['findNextMatchSync']>[0]

/**
 * Searches after which a scanner gets Oniguruma's own. A cold run of one spec searches most
 * scanners a few times; a run over many specs searches the common ones thousands of times.
 */
const OWN_SCANNER_AFTER = 400

/** Patterns compiled before this process started, and a listener for those it compiles. */
export interface PrecompiledPatterns {
  scanner(source: string): Scanner | undefined
  compiled(source: string): void
}

/** One compiled pattern and the answer to its last search. */
class Pattern {
  private subject: Subject | undefined
  private from = 0
  private options = 0
  private match: Match = null

  /** `\G` matches where the search starts, so such a pattern's answer holds for that start only. */
  private readonly anchored: boolean

  constructor(
    source: string,
    private readonly scanner: Scanner,
  ) {
    this.anchored = source.includes('\\G')
  }

  /**
   * The first match at or after `start`. A search of the same text from an earlier start, with
   * the same options, answers it when it found nothing or found a match at or after `start`:
   * a pattern without `\G` matches at a position the same way whatever the search's start.
   */
  search(subject: Subject, start: number, options: number): Match {
    if (
      subject === this.subject &&
      options === this.options &&
      this.from <= start &&
      !this.anchored &&
      (this.match === null || this.match.captureIndices[0]!.start >= start)
    ) {
      return this.match
    }
    this.subject = subject
    this.from = start
    this.options = options
    this.match = this.scanner.findNextMatchSync(subject, start, options)
    return this.match
  }
}

/** Wraps `engine` so that scanners share their compiled patterns (see above). */
export function sharedPatternEngine(
  engine: RegexEngine,
  precompiled?: PrecompiledPatterns,
): RegexEngine {
  const compiled = new Map<string, Pattern>()
  const compile = (source: string) => {
    const scanner = precompiled?.scanner(source)
    if (scanner) return scanner
    precompiled?.compiled(source)
    return engine.createScanner([source])
  }
  const pattern = (source: string) => {
    let found = compiled.get(source)
    if (!found) {
      found = new Pattern(source, compile(source))
      compiled.set(source, found)
    }
    return found
  }

  return {
    createString: (text) => engine.createString(text),
    createScanner(sources) {
      // Compiled now, as Oniguruma's own scanner would be.
      const patterns = sources.map((s) => pattern(String(s)))
      let own: Scanner | undefined
      let searches = 0
      return {
        findNextMatchSync(subject, start, options) {
          if (typeof subject === 'string') {
            // TextMate passes strings this engine made; scanners from an image need one.
            const made = engine.createString(subject)
            try {
              return this.findNextMatchSync(made, start, options)
            } finally {
              made.dispose?.()
            }
          }
          if (own) return own.findNextMatchSync(subject, start, options)
          if (++searches > OWN_SCANNER_AFTER) {
            own = engine.createScanner(sources)
            return own.findNextMatchSync(subject, start, options)
          }
          return firstMatch(patterns, subject, start, (options as number) ?? 0)
        },
        dispose: () => own?.dispose?.(),
      }
    },
  }
}

/** The match Oniguruma's scanner gives: the earliest, and the first pattern's among equals. */
function firstMatch(patterns: Pattern[], subject: Subject, start: number, options: number): Match {
  let best: Match = null
  let bestIndex = 0
  let bestStart = 0
  for (let i = 0; i < patterns.length; i++) {
    const match = patterns[i]!.search(subject, start, options)
    if (match === null) continue
    const at = match.captureIndices[0]!.start
    if (best === null || at < bestStart) {
      best = match
      bestIndex = i
      bestStart = at
      // Nothing can start earlier.
      if (at === start) break
    }
  }
  return best === null ? null : { index: bestIndex, captureIndices: best.captureIndices }
}
