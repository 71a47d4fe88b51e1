/**
 * Reads spec files: YAML or JSON text → validated, normalised `Spec`. Every problem in a file is
 * reported at once, each with file, line, column, field and a hint; nothing is half loaded.
 */
import { readFile } from 'node:fs/promises'
import { LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod/v4'
import { PolysnipError, throwIfAny } from '../errors.ts'
import { silentLogger, type Logger } from '../log.ts'
import { formatPath, keyOrder, locate, type FieldPath } from './locate.ts'
import type { Spec } from './model.ts'
import { normalize, type Problem } from './normalize.ts'
import { specSchema } from './schema.ts'

const SCHEMA_HINT = 'see "Spec format" in the README, or point your editor at spec.schema.json'

export interface LoadOptions {
  /** Receives warnings such as non-NFC credentials. @default silentLogger */
  logger?: Logger
}

/** Loads one spec from text; `file` is only used in messages. */
export function parseSpec(text: string, file: string, options: LoadOptions = {}): Spec {
  const logger = options.logger ?? silentLogger
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  if (file.endsWith('.json')) checkJsonSyntax(text, file, lines)

  const syntax = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0])
    const message = e.message.split('\n')[0] ?? e.message
    return new PolysnipError(`invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${message}`, {
      file,
      line: pos.line,
      column: pos.col,
      hint: 'fix the syntax at this position',
    })
  })
  throwIfAny(syntax)

  const place = (p: Problem) => {
    const pos = locate(doc, lines, p.path, p.atKey)
    return new PolysnipError(p.message, {
      file,
      line: pos?.line,
      column: pos?.column,
      field: formatPath(p.path) || undefined,
      hint: p.hint,
    })
  }

  const raw: unknown = doc.toJS()
  const invalidText = findInvalidText(raw)
  if (invalidText) throw place(invalidText)

  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new PolysnipError('a spec must be a mapping with id, title, request and auth', {
      file,
      line: 1,
      column: 1,
      hint: SCHEMA_HINT,
    })
  }

  const parsed = specSchema.safeParse(raw)
  if (!parsed.success) {
    throwIfAny(parsed.error.issues.flatMap((i) => describeIssue(i, raw)).map(place))
  }
  if (!parsed.success) throw new Error('unreachable: schema errors were thrown above')

  const result = normalize(parsed.data, file, (path) => keyOrder(doc, path))
  for (const w of result.warnings) logger.warn(place(w).format())
  throwIfAny(result.problems.map(place))
  if (!result.spec) throw new Error('unreachable: normalize returned no spec and no problem')
  return result.spec
}

/** Loads one spec file. */
export async function loadSpecFile(file: string, options: LoadOptions = {}): Promise<Spec> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    throw new PolysnipError(`cannot read spec file (${code ?? String(cause)})`, {
      file,
      hint: code === 'ENOENT' ? 'check the path' : 'check the file permissions',
      cause,
    })
  }
  return parseSpec(text, file, options)
}

/**
 * Loads several spec files, collecting every file's problems, and rejects ids used twice
 * (each id names an output folder).
 */
export async function loadSpecs(files: string[], options: LoadOptions = {}): Promise<Spec[]> {
  const results = await Promise.allSettled(files.map((f) => loadSpecFile(f, options)))
  const errors: PolysnipError[] = []
  const specs: Spec[] = []

  for (const r of results) {
    if (r.status === 'fulfilled') specs.push(r.value)
    else if (r.reason instanceof PolysnipError) errors.push(r.reason)
    else if (r.reason?.errors) errors.push(...(r.reason.errors as PolysnipError[]))
    else throw r.reason
  }

  errors.push(...duplicateIds(specs))
  throwIfAny(errors)
  return specs
}

/** One error per spec whose id an earlier spec already uses (each id names an output folder). */
export function duplicateIds(specs: Spec[]): PolysnipError[] {
  const errors: PolysnipError[] = []
  const byId = new Map<string, Spec>()
  for (const spec of specs) {
    const first = byId.get(spec.id)
    if (first) {
      errors.push(
        new PolysnipError(`duplicate spec id "${spec.id}" (also in ${first.source.file})`, {
          file: spec.source.file,
          field: 'id',
          hint: 'give every spec a unique id; it names the output folder',
        }),
      )
    }
    byId.set(spec.id, spec)
  }

  return errors
}

/** Lone surrogates cannot be written as UTF-8, so no program could contain them. */
function findInvalidText(value: unknown, path: FieldPath = []): Problem | null {
  if (typeof value === 'string') {
    return /\p{Cs}/u.test(value)
      ? { path, message: 'contains a lone UTF-16 surrogate', hint: 'use a real Unicode character' }
      : null
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findInvalidText(child, [...path, Array.isArray(value) ? Number(key) : key])
      if (found) return found
    }
  }
  return null
}

/**
 * YAML accepts what JSON does not (trailing commas, comments), so a .json file is checked with
 * the JSON parser first; positions still come from the YAML parse.
 */
function checkJsonSyntax(text: string, file: string, lines: LineCounter): void {
  try {
    JSON.parse(text)
  } catch (cause) {
    const message = (cause as Error).message
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0)
    const pos = lines.linePos(offset)
    throw new PolysnipError(`invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, {
      file,
      line: pos.line,
      column: pos.col,
      hint: 'fix the JSON syntax at this position (JSON allows no trailing commas or comments)',
      cause,
    })
  }
}

/** The raw value at a path, or undefined when a step is missing. */
function valueAt(root: unknown, path: FieldPath): unknown {
  let value = root
  for (const step of path) {
    if (!value || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[step]
  }
  return value
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): Problem[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown field "${key}"`,
        hint: `check the spelling; ${SCHEMA_HINT}`,
        atKey: true,
      }))
    case 'invalid_type': {
      const value = valueAt(raw, path)
      if (value === undefined) {
        return [{ path, message: 'is required', hint: `add "${String(path.at(-1))}"; ${SCHEMA_HINT}`, atKey: true }]
      }
      return [{ path, message: `must be ${article(issue.expected)}, not ${typeName(value)}`, hint: SCHEMA_HINT }]
    }
    case 'invalid_value':
      return [{
        path,
        message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        hint: SCHEMA_HINT,
      }]
    case 'invalid_union':
      return [{ path, message: unionMessage(path), hint: SCHEMA_HINT }]
    default:
      return [{ path, message: issue.message, hint: SCHEMA_HINT }]
  }
}

function unionMessage(path: FieldPath): string {
  const last = path.at(-1)
  if (path[0] === 'auth' && (last === 'username' || last === 'password')) {
    return 'must be a string, or { env, placeholder } to read it from the environment'
  }
  if (path[0] === 'request' && path[1] === 'query') return 'must be a string, number, boolean or a list of them'
  return 'has a value of the wrong shape'
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}
