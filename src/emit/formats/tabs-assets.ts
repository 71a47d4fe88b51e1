/**
 * The tabs stylesheet and client script from src/tabs, ready to inline in an HTML fragment.
 * Paths are resolved from the package root rather than from this module, because this code also
 * runs bundled from dist/, where `import.meta.url` points elsewhere. The minified script is
 * cached by the hash of its source: starting esbuild costs more than the rest of a warm run.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PolysnipError } from '../../errors.ts'
import { packageRoot } from '../../paths.ts'
import type { TabsAssets } from './format.ts'

const cached = new Map<string, Promise<TabsAssets>>()

// Loaded on demand: the bundler module imports esbuild, which a run from dist/ never needs.
async function bundleTabsClient(entry: string): Promise<string> {
  return (await import('../../tabs/build-client.ts')).bundleTabsClient(entry)
}

/** Made by `npm run build:lib`; used whenever this code runs from the bundle in dist/. */
const prebuilt = join(packageRoot, 'dist', 'tabs-client.js')

async function clientScript(entry: string, cacheDir: string | false): Promise<string> {
  if (import.meta.url.includes('/dist/')) {
    const script = await readFile(prebuilt, 'utf8').catch(() => undefined)
    if (script !== undefined) return script.trim()
  }
  if (!cacheDir) return bundleTabsClient(entry)
  // The client is one file today; hashing it alone is enough until it imports siblings.
  const hash = createHash('sha256').update(await readFile(entry)).digest('hex').slice(0, 32)
  const file = join(cacheDir, `tabs-client-${hash}.js`)
  const hit = await readFile(file, 'utf8').catch(() => undefined)
  if (hit !== undefined) return hit

  const script = await bundleTabsClient(entry)
  await mkdir(cacheDir, { recursive: true })
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`
  await writeFile(temp, script)
  await rename(temp, file)
  return script
}

async function load(cacheDir: string | false): Promise<TabsAssets> {
  const dir = join(packageRoot, 'src', 'tabs')
  const [css, script] = await Promise.all([
    readFile(join(dir, 'tabs.css'), 'utf8'),
    clientScript(join(dir, 'client.ts'), cacheDir),
  ]).catch((cause: unknown) => {
    throw new PolysnipError('cannot load the tabs component for the html format', {
      file: dir,
      hint: 'src/tabs/ ships with polysnip; reinstall it, or drop "html" from the formats',
      cause,
    })
  })

  // Comments in the stylesheet explain it to maintainers; embedders only need the rules.
  return { css: css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n{2,}/g, '\n').trim(), script }
}

/** Loaded once per process; `cacheDir` keeps the minified script between runs (or false). */
export function loadTabsAssets(cacheDir: string | false = false): Promise<TabsAssets> {
  const key = String(cacheDir)
  let assets = cached.get(key)
  if (!assets) {
    assets = load(cacheDir)
    cached.set(key, assets)
  }
  return assets
}
