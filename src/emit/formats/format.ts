/**
 * What every output format sees and returns. A format turns one spec's rendered snippets (all
 * targets, in tab order) into files; it never re-renders programs, so every format shows
 * byte-for-byte the code that was verified.
 */
import type { Target } from '../../render/targets.ts'
import type { Spec } from '../../spec/model.ts'

export interface RenderedSnippet {
  target: Target
  /** Path of the raw program relative to the output folder, e.g. `list-projects/main.go`. */
  file: string
  /** The program text. */
  code: string
}

export interface SpecGroup {
  spec: Spec
  /** One per target, in tab order. */
  snippets: RenderedSnippet[]
}

/** One file a format writes. `target` is set when the file belongs to one snippet only. */
export interface FormatFile {
  path: string
  content: string
  target?: string
}

/** Highlights code to HTML with light and dark colours as CSS variables. */
export type Highlight = (code: string, shikiLang: string) => string

export interface TabsAssets {
  /** The tabs stylesheet (src/tabs). */
  css: string
  /** The tabs custom element, as browser-ready JavaScript. */
  script: string
}

export interface FormatContext {
  /** Needed by formats that highlight (html); see `createHighlight`. */
  highlight?: Highlight | undefined
  /** Needed by the html format; see `loadTabsAssets`. */
  tabsAssets?: TabsAssets | undefined
  /** The toolchain a snippet was verified with, e.g. `go1.19.8`, if it was. */
  verified?: ((spec: string, target: string) => string | undefined) | undefined
}

export interface Format {
  id: string
  /** One line for `--help` and the docs. */
  summary: string
  /** True when the format needs `FormatContext.highlight`. */
  highlights?: boolean
  render(group: SpecGroup, context: FormatContext): FormatFile[]
}

/**
 * A Markdown code fence around `code`, longer than any backtick run inside it, so code that
 * itself contains a fence (a shell heredoc, a Markdown string) cannot close it early.
 */
export function fence(code: string, info: string, indent = ''): string {
  const longest = Math.max(0, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(Math.max(3, longest + 1))
  const body = code.endsWith('\n') ? code : `${code}\n`
  const lines = [`${ticks}${info}`, ...body.slice(0, -1).split('\n'), ticks]
  return lines.map((l) => (l === '' ? '' : indent + l)).join('\n')
}

/** The base name of a snippet's file (`main.go`), used as its code-block title. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1)
}

/** A JSX attribute value: a plain quoted string when safe, else a JS string expression. */
export function jsxAttr(name: string, value: string): string {
  return /^[^"{}<>&\\\n]*$/.test(value) ? `${name}="${value}"` : `${name}={${JSON.stringify(value)}}`
}

/** A double-quoted Markdown info-string attribute value (`title="main.go"`). */
export function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}
