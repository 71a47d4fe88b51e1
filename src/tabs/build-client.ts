/**
 * Bundles and minifies `client.ts` into one classic script. The site inlines it in <head>; the
 * HTML fragment embeds it. esbuild takes a few milliseconds, so callers may build on demand.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

/** Absolute path of the client source, for watchers. */
export const tabsClientSource = fileURLToPath(new URL('./client.ts', import.meta.url))

/** Absolute path of the tabs stylesheet. */
export const tabsCssFile = fileURLToPath(new URL('./tabs.css', import.meta.url))

let cached: Promise<string> | undefined

/** The minified client script (no trailing newline); built once per process. */
export function buildTabsClient(): Promise<string> {
  cached ??= build({
    entryPoints: [tabsClientSource],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  }).then((result) => (result.outputFiles[0]?.text ?? '').trim())
  return cached
}
