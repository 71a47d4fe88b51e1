/** Turns a spec's snippets into the input of the shared tabs renderer, highlighted. */
import type { TabGroup } from '../tabs/types.ts'
import { highlight } from './highlight.ts'
import type { SiteSpec } from './snippet-data.ts'

/**
 * @param base The site's base path with a trailing slash; raw files are served under
 *   `<base>snippets/`.
 */
export async function siteTabGroup(spec: SiteSpec, base: string): Promise<TabGroup> {
  const items = await Promise.all(
    spec.snippets.map(async (s) => ({
      id: s.target,
      label: s.label,
      language: s.language,
      code: s.code,
      highlightedHtml: await highlight(s.code, s.shiki),
      file: s.file.split('/').pop() ?? s.file,
      downloadHref: `${base}snippets/${s.file}`,
      verifiedWith: s.verifiedWith,
    })),
  )
  return { id: spec.id, title: `${spec.title}: code samples`, items }
}
