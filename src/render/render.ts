/**
 * One spec × one target → the program text.
 */
import type { Spec } from '../spec/model.ts'
import { buildContext, isPlainContext, type ContextOptions } from './context.ts'
import { compileTarget, templateError } from './engine.ts'
import type { Target } from './targets.ts'

export type RenderOptions = ContextOptions

/** Renders a complete program. Output is tidy: no trailing spaces, no double blank lines. */
export function renderSnippet(spec: Spec, target: Target, options: RenderOptions = {}): string {
  const template = compileTarget(target)
  try {
    const context = buildContext(spec, target, options)
    return template(context, true, isPlainContext(context))
  } catch (cause) {
    throw templateError(target, cause)
  }
}

export { tidy } from './tidy.ts'


