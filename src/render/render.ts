/**
 * One spec × one target → the program text.
 */
import type { Spec } from '../spec/model.ts'
import { buildContext, type ContextOptions } from './context.ts'
import { compileTarget, templateError } from './engine.ts'
import type { Target } from './targets.ts'

export type RenderOptions = ContextOptions

/** Renders a complete program. Output is tidy: no trailing spaces, no double blank lines. */
export function renderSnippet(spec: Spec, target: Target, options: RenderOptions = {}): string {
  const template = compileTarget(target)
  let text: string
  try {
    text = template(buildContext(spec, target, options))
  } catch (cause) {
    throw templateError(target, cause)
  }
  return tidy(text)
}

// Literals never span lines (line breaks inside them are escaped), so trimming line ends and
// folding blank lines cannot change what a program means.
function tidy(text: string): string {
  return (
    text
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .replace(/\n*$/, '\n')
  )
}
