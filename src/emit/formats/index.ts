/**
 * The registry of output formats. Format ids are what `--format` and the config file accept.
 */
import { PolysnipError } from '../../errors.ts'
import { docusaurusFormat } from './docusaurus.ts'
import type { Format, FormatContext, FormatFile, SpecGroup } from './format.ts'
import { htmlFormat } from './html.ts'
import { markdownFormat } from './markdown.ts'
import { mkdocsFormat } from './mkdocs.ts'
import { starlightFormat } from './starlight.ts'
import { vitepressFormat } from './vitepress.ts'

export const formats: readonly Format[] = [
  markdownFormat,
  htmlFormat,
  starlightFormat,
  docusaurusFormat,
  mkdocsFormat,
  vitepressFormat,
]

/**
 * `openapi` is chosen like a format but needs a document from the config file, so generate()
 * takes it as `options.openapi`; the id only switches it on or off.
 */
export const OPENAPI = 'openapi'

export const formatIds = [...formats.map((f) => f.id), OPENAPI]

/** Written when neither the command line nor a config file chooses. */
export const defaultFormats: readonly string[] = formatIds

/** Looks formats up by id, in registry order; unknown ids are an error naming the known ones. */
export function selectFormats(ids: readonly string[]): Format[] {
  const unknown = ids.filter((id) => !formatIds.includes(id))
  if (unknown.length > 0) {
    throw new PolysnipError(`unknown format ${unknown.map((u) => `"${u}"`).join(', ')}`, {
      field: 'formats',
      hint: `known formats: ${formatIds.join(', ')}`,
    })
  }
  return formats.filter((f) => ids.includes(f.id))
}

export interface FormatOutput extends FormatFile {
  format: string
}

/** Every file of every selected format for one spec. */
export function renderFormats(
  group: SpecGroup,
  selected: Format[],
  context: FormatContext,
): FormatOutput[] {
  return selected.flatMap((f) => {
    if (f.highlights && (!context.highlight || !context.tabsAssets)) {
      throw new PolysnipError(`format "${f.id}" needs a highlighter`, {
        hint: 'call generate() with the html format; it prepares both',
      })
    }
    return f.render(group, context).map((file) => ({ ...file, format: f.id }))
  })
}

export type { Format, FormatContext, FormatFile, Highlight, RenderedSnippet, SpecGroup } from './format.ts'
