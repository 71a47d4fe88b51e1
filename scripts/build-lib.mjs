// Bundles src/ into dist/ with esbuild: one ESM file per entry point, dependencies left as
// imports. Takes well under a second, so `npm run gen` rebuilds every time.
import { build } from 'esbuild'

await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts', astro: 'src/astro/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
