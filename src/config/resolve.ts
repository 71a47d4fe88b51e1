/**
 * Config file + overrides (command line or library call) → a resolved project: the spec files,
 * the output folder, targets, formats and loaded OpenAPI documents. Overrides win field by field.
 */
// Synchronous file calls: a handful of small ones per run, each cheaper than a thread hop.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { parse } from 'yaml'
import { PolysnipError } from '../errors.ts'
import { defaultFormats, OPENAPI } from '../emit/formats/index.ts'
import type { OpenApiInput } from '../emit/formats/openapi.ts'
import { builtinDefaultSpec, displayPath } from '../paths.ts'
import { loadConfig } from './load.ts'
import type { OpenApiConfig } from './schema.ts'

export interface ProjectOptions {
  /** Config file; when absent, polysnip.config.json (or .mjs) in `cwd` if it exists. */
  config?: string | undefined
  /** Folder that relative paths in overrides are resolved from. @default process.cwd() */
  cwd?: string | undefined
  /** Spec files or folders. @default config `specs`, else ['specs'] */
  specs?: string[] | undefined
  /** Output folder. @default config `out`, else 'snippets' */
  out?: string | undefined
  /** Target ids. @default config `targets`, else every target */
  targets?: string[] | undefined
  /** Extra target folders. @default config `templates`, else none */
  templates?: string[] | undefined
  /** Format ids. @default config `formats`, else every format */
  formats?: string[] | undefined
  /**
   * False to neither read nor write the generation cache nor the highlight cache (`--no-cache`).
   * @default true
   */
  cache?: boolean | undefined
}

export interface Project {
  configFile: string | null
  specFiles: string[]
  out: string
  targets: string[]
  templates: string[]
  formats: string[]
  highlightCache: string | false
  /** Folder of the generation cache (see src/emit/cache.ts), or false. */
  genCache: string | false
  openapi: OpenApiInput[]
}

const SPEC_FILE = /\.(ya?ml|json)$/

/** Paths in messages and the manifest stay relative to the working folder, as users typed them. */
const shown = (cwd: string, path: string) => displayPath(path, cwd)

/** A file stays as is; a folder gives its spec files, sorted by name. */
async function expandSpecs(cwd: string, paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const info = statSync(path, { throwIfNoEntry: false })
    if (!info?.isDirectory()) {
      files.push(shown(cwd, path))
      continue
    }
    const names = readdirSync(path).filter((n) => SPEC_FILE.test(n)).sort()
    if (names.length === 0) {
      throw new PolysnipError(`no spec files in "${shown(cwd, path)}"`, {
        hint: 'add a .yaml spec there, or list spec files in "specs"',
      })
    }
    // One display path for the folder, not one per file: relative() per file added up.
    const folder = shown(cwd, path)
    files.push(...names.map((n) => (folder === '.' ? n : join(folder, n))))
  }
  return files
}

async function loadOpenApi(
  cwd: string,
  baseDir: string,
  outDir: string,
  entry: OpenApiConfig,
): Promise<OpenApiInput> {
  const file = shown(cwd, resolve(baseDir, entry.document))
  let document: unknown
  try {
    document = parse(readFileSync(resolve(baseDir, entry.document), 'utf8'))
  } catch (cause) {
    throw new PolysnipError(`cannot read the OpenAPI document: ${(cause as Error).message.split('\n')[0]}`, {
      file,
      field: 'openapi.document',
      hint: 'point openapi.document at an OpenAPI 3 file (YAML or JSON)',
      cause,
    })
  }
  const doc = document as Record<string, unknown> | null
  const isOpenApi3 = typeof doc?.openapi === 'string' && doc.openapi.startsWith('3.')
  if (!doc || !isOpenApi3 || typeof doc.paths !== 'object') {
    throw new PolysnipError('not an OpenAPI 3 document (needs "openapi: 3.x" and "paths")', {
      file,
      hint: 'Swagger 2.0 documents must be converted to OpenAPI 3 first',
    })
  }
  // The overlay points back at the source document, relative to where the overlay is written.
  const overlayDir = join(outDir, entry.out ?? 'openapi')
  const source = relative(overlayDir, resolve(baseDir, entry.document)).split(sep).join('/')
  return {
    file,
    document: doc,
    extends: source,
    mapping: entry.mapping ?? {},
    ...(entry.out === undefined ? {} : { out: entry.out }),
    ...(entry.emit === undefined ? {} : { emit: entry.emit }),
  }
}

export async function resolveProject(options: ProjectOptions = {}): Promise<Project> {
  const cwd = options.cwd ?? process.cwd()
  const { config, file, baseDir } = await loadConfig(options.config, cwd)
  const fromConfig = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p))
  const fromCli = (p: string) => resolve(cwd, p)

  // An override replaces the config's value; an empty list counts as no override.
  const pick = (cli: string[] | undefined, fromFile: string[]) =>
    cli?.length ? cli.map(fromCli) : fromFile.map(fromConfig)
  let specPaths = pick(options.specs, config.specs ?? ['specs'])
  // With no specs named anywhere and no specs/ folder, polysnip renders its built-in default,
  // so `polysnip gen` shows what it does in any empty folder.
  const named = Boolean(options.specs?.length) || config.specs !== undefined
  if (!named && !statSync(specPaths[0] ?? '', { throwIfNoEntry: false })) specPaths = [builtinDefaultSpec]
  const templates = pick(options.templates, config.templates ?? [])
  const out = options.out !== undefined ? fromCli(options.out) : fromConfig(config.out ?? 'snippets')
  const cache = options.cache === false ? false : (config.highlightCache ?? '.cache/polysnip/highlight')
  const genCache = options.cache === false ? false : (config.genCache ?? '.cache/polysnip/gen')
  const formats = options.formats ?? config.formats ?? [...defaultFormats]
  // The OpenAPI outputs are written when configured and not deselected by the format list.
  const openapi = config.openapi === undefined || !formats.includes(OPENAPI) ? [] : [config.openapi].flat()

  return {
    configFile: file,
    specFiles: await expandSpecs(cwd, specPaths),
    out: shown(cwd, out),
    targets: options.targets?.length ? options.targets : (config.targets ?? []),
    templates: templates.map((t) => shown(cwd, t)),
    formats: formats.filter((f) => f !== OPENAPI),
    highlightCache: cache === false ? false : shown(cwd, fromConfig(cache)),
    genCache: genCache === false ? false : shown(cwd, fromConfig(genCache)),
    openapi: await Promise.all(openapi.map((entry) => loadOpenApi(cwd, baseDir, out, entry))),
  }
}
