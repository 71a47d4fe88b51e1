/**
 * 6. The docs site: `astro build` time into a temporary folder (so the site engineer's
 * site-dist/ is left alone), and what the authentication page weighs.
 */
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { runChecked } from '../lib/child.ts'
import { tempDir } from '../lib/files.ts'
import { root } from '../lib/library.ts'
import { pageWeight, type Weight } from '../lib/page-weight.ts'
import type { Row } from '../lib/report.ts'
import { npmScript } from '../lib/scripts.ts'
import { median, spread } from '../lib/stats.ts'

const SECTION = '6. Site'
const PAGE = '/authentication/'
/** docs-site.md: at most 20 KB of raw JavaScript per page before search loads. */
const GOAL_JS_KB = 20

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const sizes = (w: Weight) => `${kb(w.raw)} (${kb(w.gzip)} gz)`

function unavailable(note: string): Row[] {
  return [{ section: SECTION, name: 'astro build', value: 'not available', goal: '', ok: null, note }]
}

export async function siteSection(quick: boolean): Promise<Row[]> {
  if (!existsSync(join(root, 'astro.config.mjs'))) return unavailable('no astro.config.mjs yet')
  if (!existsSync(join(root, 'snippets', 'manifest.json'))) {
    return unavailable('no snippets/ yet: run npm run gen')
  }

  const out = tempDir('site')
  const times: number[] = []
  const astro = join(root, 'node_modules', 'astro', 'astro.js')
  try {
    // A full run starts with an unmeasured build, the warm-up every other section has.
    const builds = quick ? 1 : 4
    for (let i = 0; i < builds; i++) {
      rmSync(out, { recursive: true, force: true })
      const { ms } = await runChecked('node', [astro, 'build', '--outDir', out], { cwd: root })
      if (builds === 1 || i > 0) times.push(ms)
    }
  } catch (e) {
    rmSync(out, { recursive: true, force: true })
    return unavailable(`astro build failed: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`)
  }

  const build = npmScript('build')
  const info = (name: string, value: string, note: string): Row =>
    ({ section: SECTION, name, value, goal: '', ok: null, note })
  const range = spread(times.map((t) => t / 1000), 1)
  const rows: Row[] = [
    info(
      'astro build (site only; snippets already generated)',
      `${(median(times) / 1000).toFixed(1)} s`,
      `median of ${times.length}; range ${range} s; npm run build is ` +
        `"${build ?? 'not defined yet'}", which adds one npm run gen (section 2)`,
    ),
  ]
  if (!existsSync(join(out, PAGE, 'index.html'))) {
    rows.push(info(`page ${PAGE}`, 'not built', 'the site has no authentication page yet'))
  } else {
    const w = pageWeight(out, PAGE)
    const js = w.js.raw + w.inlineJs
    rows.push(
      info(`${PAGE} HTML`, sizes(w.html), `inline: ${kb(w.inlineJs)} JS, ${kb(w.inlineCss)} CSS`),
      {
        section: SECTION,
        name: `${PAGE} JS before search (files + inline)`,
        value: `${kb(js)} raw`,
        goal: `≤ ${GOAL_JS_KB} KB raw`,
        ok: js / 1024 <= GOAL_JS_KB,
        note:
          `${w.js.files} files with their static imports: ${sizes(w.js)}; inline scripts: ` +
          `${kb(w.inlineJs)}; Pagefind's search UI loads later`,
      },
      info(`${PAGE} CSS`, sizes(w.css), `${w.css.files} stylesheets`),
    )
  }
  rmSync(out, { recursive: true, force: true })
  return rows
}
