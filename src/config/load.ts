/**
 * Finds and reads the config file. JSON is parsed with the YAML parser (JSON is YAML), which
 * keeps source positions, so every problem names the file, line, column and field.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LineCounter, parseDocument } from 'yaml'
import { PolysnipError, throwIfAny } from '../errors.ts'
import { formatPath, locate } from '../spec/locate.ts'
import { configSchema, type PolysnipConfig } from './schema.ts'

/** Looked for in the working folder, in this order, when no --config is given. */
export const CONFIG_FILES = ['polysnip.config.json', 'polysnip.config.mjs']

const HINT = 'see "Config file" in docs/embed.md, or point your editor at polysnip.config.schema.json'

export interface LoadedConfig {
  config: PolysnipConfig
  /** The config file, as given or found; null when none exists. */
  file: string | null
  /** Folder that relative paths in the config are resolved from. */
  baseDir: string
}

async function readText(file: string): Promise<string | null> {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new PolysnipError('cannot read the config file', { file, hint: 'check its permissions', cause: e })
  }
}

/** Validates a config value; `file` and `text` (when JSON) only serve the messages. */
export function parseConfig(value: unknown, file: string, text?: string): PolysnipConfig {
  const parsed = configSchema.safeParse(value)
  if (parsed.success) return parsed.data

  const lines = new LineCounter()
  const doc = text === undefined ? undefined : parseDocument(text, { lineCounter: lines })
  throwIfAny(
    parsed.error.issues.map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : []
      const fieldPath = keys[0] === undefined ? path : [...path, keys[0]]
      const pos = doc ? locate(doc, lines, fieldPath, keys.length > 0) : undefined
      const message =
        keys.length > 0
          ? `unknown field "${keys.join('", "')}"`
          : issue.code === 'invalid_value'
            ? `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
            : issue.message
      return new PolysnipError(message, {
        file,
        line: pos?.line,
        column: pos?.column,
        field: formatPath(fieldPath) || undefined,
        hint: HINT,
      })
    }),
  )
  throw new Error('unreachable: config errors were thrown above')
}

/** `file` is the path as shown to the user; `path` the absolute one. */
async function loadFile(file: string, path: string, text: string): Promise<PolysnipConfig> {
  if (path.endsWith('.mjs') || path.endsWith('.js')) {
    let module: { default?: unknown }
    try {
      module = (await import(pathToFileURL(path).href)) as { default?: unknown }
    } catch (cause) {
      throw new PolysnipError(`cannot load the config module: ${(cause as Error).message}`, {
        file,
        hint: 'fix the JavaScript error; the module must `export default` the config object',
        cause,
      })
    }
    return parseConfig(module.default, file)
  }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const syntax = doc.errors[0]
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0])
    throw new PolysnipError(`invalid JSON: ${syntax.message.split('\n')[0]}`, {
      file,
      line: pos.line,
      column: pos.col,
      hint: 'fix the syntax at this position',
    })
  }
  return parseConfig(doc.toJS(), file, text)
}

/**
 * Loads `file`, or the first of CONFIG_FILES in `cwd`. A missing explicit file is an error; no
 * config at all gives the defaults.
 */
export async function loadConfig(file?: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const candidates = file === undefined ? CONFIG_FILES : [file]
  for (const name of candidates) {
    const path = resolve(cwd, name)
    const text = await readText(path)
    if (text === null) continue
    return { config: await loadFile(name, path, text), file: name, baseDir: dirname(path) }
  }
  if (file !== undefined) {
    throw new PolysnipError('config file not found', { file, hint: 'check the path given to --config' })
  }
  return { config: {}, file: null, baseDir: cwd }
}
