/**
 * Numbers for TextMate grammar states, equal exactly when two states tokenise every line the
 * same way, so that a line's result can be looked up by (state, line) instead of computed.
 *
 * A state (vscode-textmate's `StateStackImpl`) is a chain of frames. What the tokeniser reads
 * from a frame across lines: its rule id, its end or while pattern with back-references filled
 * in (`endRule`), whether its begin match captured the line end, and its two scope lists, whose
 * elements carry scope names and the theme's colours for them (`tokenAttributes`). The positions
 * in a frame (`_enterPos`, `_anchorPos`) are reset before every line, so they are left out. This
 * is the same information as `toStateStackFrame`, which vscode-textmate itself uses to rebuild a
 * state elsewhere; every field is taken whole here, so a state that does not follow that
 * function's invariants still gets a distinct number.
 */

/** The fields of vscode-textmate's `StateStackImpl` the tokeniser carries from line to line. */
interface Frame {
  parent: Frame | null
  ruleId: number
  beginRuleCapturedEOL: boolean
  endRule: string | null
  nameScopesList: ScopeList | null
  contentNameScopesList: ScopeList | null
}

/** vscode-textmate's `AttributedScopeStack`. */
interface ScopeList {
  parent: ScopeList | null
  scopePath: ScopePath
  tokenAttributes: number
}

/** vscode-textmate's `ScopeStack`. */
interface ScopePath {
  parent: ScopePath | null
  scopeName: string
}

/** The number of the state every text starts in (Shiki's `INITIAL`): the first line is special. */
export const INITIAL_STATE = 0

/** Gives each distinct state a number; one per grammar and theme set, for the process. */
export class StateNumbers {
  private readonly byKey = new Map<string, number>()
  private readonly known = new WeakMap<object, number>()
  /** One state object per number, so later lookups of it hit `known`. */
  private readonly canonical: unknown[] = []

  constructor(initial: unknown) {
    this.known.set(initial as object, INITIAL_STATE)
    this.canonical[INITIAL_STATE] = initial
  }

  /** The number of `state` (a `StateStack` from `tokenizeLine2`). */
  of(state: unknown): number {
    return this.frame(state as Frame | null)
  }

  /** The first state object seen with this number. */
  state(id: number): unknown {
    return this.canonical[id]
  }

  private frame(f: Frame | null): number {
    if (f === null) return -1
    const seen = this.known.get(f)
    if (seen !== undefined) return seen
    // The pattern goes last: it is the one free-form field, so the key cannot be ambiguous.
    const key = [
      'F',
      this.frame(f.parent),
      f.ruleId,
      f.beginRuleCapturedEOL ? 1 : 0,
      this.scopes(f.nameScopesList),
      this.scopes(f.contentNameScopesList),
      f.endRule === null ? 'N' : `S${f.endRule}`,
    ].join('|')
    return this.remember(f, key)
  }

  private scopes(s: ScopeList | null): number {
    if (s === null) return -1
    const seen = this.known.get(s)
    if (seen !== undefined) return seen
    const key = `L|${this.scopes(s.parent)}|${this.path(s.scopePath)}|${s.tokenAttributes}`
    return this.remember(s, key)
  }

  private path(p: ScopePath | null): number {
    if (p === null) return -1
    const seen = this.known.get(p)
    if (seen !== undefined) return seen
    return this.remember(p, `P|${this.path(p.parent)}|${p.scopeName}`)
  }

  private remember(item: object, key: string): number {
    let id = this.byKey.get(key)
    if (id === undefined) {
      id = this.canonical.length
      this.byKey.set(key, id)
      this.canonical[id] = item
    }
    this.known.set(item, id)
    return id
  }
}
