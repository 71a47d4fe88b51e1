/**
 * The libraries every `polysnip` command uses (zod, yaml, Handlebars), from dist/cli/deps.cjs.
 * scripts/build-lib.mjs points the command's imports of them here.
 */
import { loadBundle } from './load-bundle.ts'

/** The bundled libraries by import name, e.g. `deps['zod/v4']`. */
export const deps = loadBundle('deps.cjs')
