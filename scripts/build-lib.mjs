// Bundles src/ into dist/ with esbuild: one ESM file per entry point, dependencies left as
// imports. Takes well under a second; `npm run gen` (scripts/gen.mjs) runs it every time.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// `npm run gen` rebuilds first; when nothing the bundle is made of changed since the last build,
// skipping it saves loading esbuild, which was a third of the command's time.
const stampFile = 'dist/.sources.sha256'
const hash = createHash('sha256')
const inputs = ['scripts/build-lib.mjs', 'package.json', 'package-lock.json']
for (const name of readdirSync('src', { recursive: true }).sort()) inputs.push(join('src', name))
for (const file of inputs) {
  if (!/\.[a-z]+$/.test(file)) continue
  hash.update(`${file}\0`).update(readFileSync(file))
}
const sources = hash.digest('hex')
const outputs = ['cli', 'index', 'astro', 'tabs-client', 'highlight-worker']
const built = outputs.map((name) => `dist/${name}.js`).every(existsSync)
const upToDate = built && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sources
if (!upToDate) await rebuild()

async function rebuild() {
  const { build } = await import('esbuild')

  const lib = build({
    entryPoints: {
      index: 'src/index.ts',
      cli: 'src/cli/main.ts',
      astro: 'src/astro/index.ts',
      // Started as a worker thread by src/emit/highlight/pool.ts, which looks for it by name.
      'highlight-worker': 'src/emit/highlight/worker.ts',
    },
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

  // The tabs script that HTML fragments inline, built here once so that `polysnip gen` never has
  // to start esbuild (that cost more than the rest of a cold run). Same options as
  // bundleTabsClient in src/tabs/build-client.ts, used when running from the sources.
  const tabsClient = build({
    entryPoints: ['src/tabs/client.ts'],
    outfile: 'dist/tabs-client.js',
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    logLevel: 'warning',
  })

  await Promise.all([lib, tabsClient])
  writeFileSync(stampFile, sources)
}
