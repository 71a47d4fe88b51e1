/**
 * Shiki's core, its Oniguruma engine and its TextMate module, from dist/cli/shiki.cjs: loading
 * them as ES modules from node_modules took 40–50 ms of every run that highlights, about 10 ms
 * this way. The languages and themes stay imports from node_modules, loaded as they are needed.
 * scripts/build-lib.mjs points the command's imports of these three here; highlighting imports
 * them lazily, so a run that highlights nothing never loads this module.
 */
import { loadBundle } from './load-bundle.ts'

/** The bundled modules by import name, e.g. `shiki['shiki/core']`. */
export const shiki = loadBundle('shiki.cjs')
