/**
 * Bundles and minifies `client.ts` into one classic script. The site inlines it in <head>; the
 * HTML fragment embeds it (importing this module lazily, so that `gen` loads esbuild only when
 * no prebuilt copy exists). esbuild is imported statically: Astro loads the site's config through
 * a module runner that is closed by the time a config hook could import it dynamically.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

/** Absolute path of the client source, for watchers. */
export const tabsClientSource = fileURLToPath(new URL('./client.ts', import.meta.url))

/** Absolute path of the tabs stylesheet. */
export const tabsCssFile = fileURLToPath(new URL('./tabs.css', import.meta.url))

/**
 * The minified script bundled from `entry` (no trailing newline). scripts/build-lib.mjs makes
 * dist/tabs-client.js with the same options.
 */
export async function bundleTabsClient(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  })
  return (result.outputFiles[0]?.text ?? '').trim()
}

let cached: Promise<string> | undefined

/** The minified client script, built once per process. */
export function buildTabsClient(): Promise<string> {
  cached ??= bundleTabsClient(tabsClientSource)
  return cached
}
