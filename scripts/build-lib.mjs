// Bundles src/ into dist/ with esbuild: one ESM file per entry point plus shared chunks.
// `npm run gen` (scripts/gen.mjs) runs it every time, so the up-to-date check must be cheap.
import { createHash, randomUUID } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const at = (file) => join(root, file)

// Libraries bundled into dist/ instead of imported from node_modules: resolving and compiling
// them file by file (zod alone is dozens of modules) was a third of a `polysnip gen` start-up.
// Every other package stays an import (shiki and esbuild are large and loaded only on demand).
const BUNDLED = ['handlebars', 'yaml', 'zod']

/** How src/ imports them; each must be a key of the command's dependency bundle. */
const BUNDLED_IMPORTS = ['handlebars', 'yaml', 'zod/v4']

const OUTPUTS = [
  'dist/cli/cli.js',
  'dist/cli/highlight-worker.js',
  'dist/highlight-worker.js',
  'dist/cli/deps.cjs',
  'dist/cli/shiki.cjs',
  'dist/index.js',
  'dist/astro.js',
  'dist/tabs-client.js',
  'dist/templates.json',
  'dist/cli/templates.json',
  'dist/onig.wasm',
  'dist/cli/onig.wasm',
]

// What the last build was made from: a content hash (the build id, which the generation cache
// uses as polysnip's code fingerprint) and the size and mtime of each input and of each folder of
// src/, so that a run with nothing changed costs a stat per input instead of reading them all.
const STAMP = 'dist/.build.json'

// Each built-in target's template file (templates/<target>/); see precompileTemplates.
const TEMPLATE_FILE = 'template.hbs'

// An input modified within this long before the stamp was written could change again without
// its mtime moving (file system clocks are coarser than Date.now), so it is hashed instead.
const RACY_MS = 1000

/** Every input file, and the folders of src/ (a file added or removed changes a folder's mtime). */
function listInputs() {
  const files = ['scripts/build-lib.mjs', 'package.json', 'package-lock.json']
  const folders = ['src', 'templates']
  for (const name of readdirSync(at('templates'))) {
    if (existsSync(at(`templates/${name}/${TEMPLATE_FILE}`))) files.push(`templates/${name}/${TEMPLATE_FILE}`)
  }
  for (const entry of readdirSync(at('src'), { recursive: true, withFileTypes: true })) {
    const path = `${entry.parentPath.slice(root.length)}/${entry.name}`
    if (entry.isDirectory()) folders.push(path)
    else if (/\.[a-z]+$/.test(entry.name)) files.push(path)
  }
  // Libraries that shape output text: the bundled ones, and shiki (highlighted HTML).
  for (const dep of [...BUNDLED, 'shiki']) files.push(`node_modules/${dep}/package.json`)
  return { files: files.sort(), folders: folders.sort() }
}

function statOf(path) {
  const info = statSync(at(path), { throwIfNoEntry: false })
  return info ? [info.size, info.mtimeMs] : null
}

function contentHash(files) {
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(at(file)))
  return hash.digest('hex')
}

function readStamp() {
  try {
    const stamp = JSON.parse(readFileSync(at(STAMP), 'utf8'))
    return stamp.format === 2 && typeof stamp.id === 'string' && stamp.files ? stamp : null
  } catch {
    return null
  }
}

function writeStamp(id, stats) {
  const temp = `${at(STAMP)}.${randomUUID()}.tmp`
  writeFileSync(temp, JSON.stringify({ format: 2, id, builtAt: Date.now(), files: stats }))
  renameSync(temp, at(STAMP))
}

/**
 * True when every file and folder the stamp lists still has the recorded size and mtime, none of
 * them racy: then no input was edited, added or removed, and src/ need not even be listed.
 */
function unchanged(stamp) {
  const paths = Object.keys(stamp.files)
  return paths.length > 0 && paths.every((path) => {
    const now = statOf(path)
    const then = stamp.files[path]
    return now !== null && now[0] === then[0] && now[1] === then[1] && now[1] < stamp.builtAt - RACY_MS
  })
}

// Bare imports of anything but the bundled libraries stay imports, as `packages: 'external'`
// would leave them (including `virtual:` modules the Astro integration provides).
const externals = {
  name: 'polysnip-externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const parts = args.path.split('/')
      const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
      return BUNDLED.includes(name) ? undefined : { path: args.path, external: true }
    })
  },
}

// Shiki's modules the command loads from a CommonJS bundle of their own (dist/cli/shiki.cjs),
// only when it highlights; languages and themes stay imports from node_modules.
const SHIKI_IMPORTS = ['shiki/core', 'shiki/engine/oniguruma', 'shiki/textmate']

// The command loads these bundles through src/bundle/load-bundle.ts, with a V8 code cache: each
// import of a bundled package becomes a module that re-exports the loaded names. The library
// entry points keep them as ordinary imports (Shiki) or bundled modules (the others).
const BUNDLES = [
  { module: 'src/bundle/deps.ts', name: 'deps', ids: BUNDLED_IMPORTS, file: 'deps.cjs' },
  { module: 'src/bundle/shiki.ts', name: 'shiki', ids: SHIKI_IMPORTS, file: 'shiki.cjs' },
]

const bundleShims = {
  name: 'polysnip-bundles',
  setup(build) {
    for (const bundle of BUNDLES) {
      const namespace = `bundle-${bundle.name}`
      const ids = new RegExp(`^(${bundle.ids.join('|')})$`)
      build.onResolve({ filter: ids }, (args) => ({ path: args.path, namespace }))
      build.onLoad({ filter: /.*/, namespace }, async (args) => {
        const names = Object.keys(await import(args.path))
          .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default')
        const contents =
          `import { ${bundle.name} } from ${JSON.stringify(at(bundle.module))}\n` +
          `const m = ${bundle.name}[${JSON.stringify(args.path)}]\n` +
          `export const { ${names.join(', ')} } = m\n` +
          'export default m\n'
        return { contents, resolveDir: root, loader: 'js' }
      })
    }
  },
}

/** One CommonJS bundle of `ids`, exporting each module by its import name. */
function commonJsBundle(build, ids, file) {
  return build({
    stdin: {
      contents: `module.exports = { ${ids.map((id) => `'${id}': require('${id}')`).join(', ')} }`,
      resolveDir: root,
      sourcefile: file,
    },
    outfile: at(`dist/cli/${file}`),
    metafile: true,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  })
}

async function rebuild() {
  const { build } = await import('esbuild')
  const common = {
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The bundled CommonJS libraries (yaml, handlebars) call require() for Node built-ins.
    banner: {
      js: "import { createRequire as polysnipRequire } from 'node:module'\n" +
        'const require = polysnipRequire(import.meta.url)',
    },
    // Whitespace and syntax only: names stay, so stack traces still read well; the smaller
    // text is parsed faster at every start.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
  }

  // The highlighting worker thread (src/emit/highlight/pool.ts starts it from the folder of the
  // code that needs it), so both the library and the command get one.
  const worker = { 'highlight-worker': at('src/emit/highlight/worker.ts') }
  const lib = build({
    ...common,
    entryPoints: { index: at('src/index.ts'), astro: at('src/astro/index.ts'), ...worker },
    outdir: at('dist'),
    plugins: [externals],
  })

  // The command, in its own folder so its chunks never mix with the library's.
  const cli = build({
    ...common,
    entryPoints: { cli: at('src/cli/main.ts'), ...worker },
    outdir: at('dist/cli'),
    plugins: [bundleShims, externals],
  })
  const bundles = BUNDLES.map((b) => commonJsBundle(build, b.ids, b.file))

  // The tabs script that HTML fragments inline, built here once so that `polysnip gen` never has
  // to start esbuild (that cost more than the rest of a cold run). Same options as
  // bundleTabsClient in src/tabs/build-client.ts, used when running from the sources.
  const tabsClient = build({
    entryPoints: [at('src/tabs/client.ts')],
    outfile: at('dist/tabs-client.js'),
    metafile: true,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    logLevel: 'warning',
  })

  const results = await Promise.all([lib, cli, ...bundles, tabsClient])
  cleanUp(results)
  precompileTemplates()
  await copyOnigWasm()
  warmUp()
}

/**
 * Oniguruma's WebAssembly for highlighting (src/emit/highlight/highlighter.ts), as a binary file
 * beside the bundles: Shiki ships it as Base64 inside a JavaScript module, and decoding that took
 * 40 ms of every `polysnip gen` that highlights.
 */
async function copyOnigWasm() {
  const { wasmBinary } = await import('shiki/wasm')
  for (const folder of ['dist', 'dist/cli']) writeFileSync(at(`${folder}/onig.wasm`), wasmBinary)
}

/**
 * The built-in templates, precompiled by Handlebars beside the bundles that load them
 * (src/render/engine.ts): compiling them was a fifth of a `polysnip gen` that finds no cache.
 * Entries are keyed by template text and carry the options they were compiled with, so an edited
 * template or other options miss and are compiled at run time, as any user template is.
 */
function precompileTemplates() {
  const Handlebars = createRequire(at('package.json'))('handlebars')
  const options = { noEscape: true, strict: true }
  const sources = {}
  for (const name of readdirSync(at('templates')).sort()) {
    const file = at(`templates/${name}/${TEMPLATE_FILE}`)
    if (!existsSync(file)) continue
    const text = readFileSync(file, 'utf8')
    sources[text] = String(Handlebars.precompile(text, { ...options }))
  }
  const json = JSON.stringify({ handlebars: Handlebars.VERSION, options, sources })
  for (const folder of ['dist', 'dist/cli']) writeFileSync(at(`${folder}/templates.json`), json)
}

/**
 * Chunks of earlier builds (their names carry content hashes) and code caches of earlier
 * library bundles would otherwise pile up in dist/. The image of compiled patterns goes too:
 * the warm-up writes it again for this build's Oniguruma.
 */
function cleanUp(results) {
  const made = new Set(results.flatMap((r) => Object.keys(r.metafile.outputs)).map((f) => join(root, f)))
  for (const folder of ['dist', 'dist/cli']) {
    for (const name of readdirSync(at(folder))) {
      const path = at(`${folder}/${name}`)
      const ours = /\.(js|js\.map|cjs|v8-cache|image)$/.test(name)
      if (ours && !made.has(path)) rmSync(path, { force: true })
    }
  }
}

/**
 * One real run of the new command, so that the code caches src/bundle/load-bundle.ts writes at
 * its exit hold the functions that parsing, validating, rendering and highlighting use, not only
 * those of whichever command happens to run first (often `--help`), and so that the image of
 * the patterns highlighting the built-in targets' programs compiles is written at its exit
 * (src/emit/highlight/pattern-image.ts). Its outcome does not matter.
 */
function warmUp() {
  const out = mkdtempSync(join(tmpdir(), 'polysnip-warm-up-'))
  const args = ['bin/polysnip.mjs', 'gen', '--no-cache', '--format', 'md,html,openapi']
  args.push('--out', out, '--quiet')
  spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' })
  rmSync(out, { recursive: true, force: true })

  // The library's bundles (the Astro integration, src/index.ts) read the same image beside
  // their own copy of onig.wasm; copied whole, then renamed, as the command writes it.
  if (existsSync(at('dist/cli/onig.image'))) {
    const temp = at(`dist/onig.image.${process.pid}.tmp`)
    copyFileSync(at('dist/cli/onig.image'), temp)
    renameSync(temp, at('dist/onig.image'))
  }
}

const stamp = readStamp()
const built = OUTPUTS.every((f) => existsSync(at(f)))

if (!built || !stamp || !unchanged(stamp)) {
  // Stats are taken before contents are read, so an edit made meanwhile is seen next time.
  const { files, folders } = listInputs()
  const stats = Object.fromEntries([...folders, ...files].map((p) => [p, statOf(p)]))
  const id = contentHash(files)
  // Touched but not changed (a checkout, a copy) only refreshes the stamp.
  if (!built || stamp?.id !== id) await rebuild()
  writeStamp(id, stats)
}
