/**
 * The code of the `virtual:polysnip` module: every spec's tabs markup, highlighted, plus the
 * tabs stylesheet and client script, which the component inlines once per page use.
 */
import { resolve } from 'node:path'
import { resolveProject, type ProjectOptions } from '../config/resolve.ts'
import { createHighlight } from '../emit/formats/highlight.ts'
import { renderTabsMarkup } from '../emit/formats/html.ts'
import { loadTabsAssets } from '../emit/formats/tabs-assets.ts'
import { readVerification, verifiedBy } from '../emit/formats/verification.ts'
import { sha256 } from '../emit/generate.ts'
import { renderGroups } from '../emit/render-groups.ts'
import type { Logger } from '../log.ts'
import { loadTargets, selectTargets } from '../render/targets.ts'
import { loadSpecs } from '../spec/load.ts'

export const VIRTUAL_ID = 'virtual:polysnip'

export interface TabsModuleOptions {
  /** Spec files or folders, relative to the site root. @default config `specs`, else 'specs' */
  specs?: string | string[]
  /** Folders of extra or overriding targets. @default none */
  templates?: string | string[]
  /** Target ids to show. @default every target */
  targets?: string[]
  /** polysnip config file. @default polysnip.config.json in the site root, if present */
  config?: string
  /** Folder the paths above are relative to. @default the Astro root */
  cwd?: string
}

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : [v].flat())

export async function loadTabsModule(
  options: TabsModuleOptions,
  logger: Logger,
): Promise<{ code: string; watch: string[] }> {
  const project = await resolveProject({
    cwd: options.cwd,
    config: options.config,
    specs: list(options.specs),
    templates: list(options.templates),
    targets: options.targets,
  })
  const specs = await loadSpecs(project.specFiles, { logger })
  const targets = selectTargets(await loadTargets(project.templates), project.targets)
  const groups = renderGroups(specs, targets)
  const requests = groups.flatMap((g) => g.snippets.map((s) => ({ code: s.code, lang: s.target.shiki })))
  const highlight = await createHighlight(requests, { cacheDir: project.highlightCache })
  const report = await readVerification(project.out)
  const verified = (spec: string, target: string) => {
    const code = groups.find((g) => g.spec.id === spec)?.snippets.find((s) => s.target.id === target)?.code
    return code === undefined ? undefined : verifiedBy(report, { spec, target, sha256: sha256(code) })?.version
  }

  const markup = Object.fromEntries(groups.map((g) => [g.spec.id, renderTabsMarkup(g, { highlight, verified })]))
  const { css, script } = await loadTabsAssets(project.highlightCache)
  const cwd = options.cwd ?? process.cwd()
  const code = [
    `export const groups = ${JSON.stringify(markup)}`,
    `export const css = ${JSON.stringify(css)}`,
    `export const script = ${JSON.stringify(script)}`,
    '',
  ].join('\n')
  const watch = [...project.specFiles, ...project.templates].map((p) => resolve(cwd, p))
  return { code, watch }
}
