/**
 * Targets are folders: `target.json` (metadata) beside `template.hbs`. The built-in ones live in
 * `templates/`; users add or override targets from folders of their own.
 */
// Synchronous reads: fourteen small files per run, each cheaper than a thread hop.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod/v4'
import { PolysnipError, throwIfAny } from '../errors.ts'
import { builtinTemplatesDir, displayPath } from '../paths.ts'
import { escaperNames, type EscaperName } from './escapers/index.ts'

export const targetMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('Unique kebab-case id, e.g. "go".'),
  label: z.string().min(1).describe('Tab label shown to readers, e.g. "Go".'),
  language: z
    .string()
    .min(1)
    .describe('Language family: go, node, php, python, java, csharp or shell.'),
  escaper: z.enum(escaperNames as [EscaperName, ...EscaperName[]]).describe('Literal escaper to use.'),
  file: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .describe('Output file name inside the spec folder, e.g. "main.go".'),
  shiki: z.string().min(1).describe('Shiki language id for highlighting, e.g. "go".'),
  order: z.number().int().describe('Position among the tabs; lower comes first.'),
  run: z
    .strictObject({
      toolchain: z.string().min(1).describe('Toolchain id the verifier knows, e.g. "go".'),
      command: z
        .array(z.string())
        .min(1)
        .describe('Command that runs the file, e.g. ["go", "run", "main.go"], in its folder.'),
    })
    .describe('How to run the program.'),
  docs: z.string().url().optional().describe('Link to the client library the program uses.'),
})

export type TargetMeta = z.infer<typeof targetMetaSchema>

export interface Target extends TargetMeta {
  /** Template source text. */
  template: string
  /** Path of template.hbs, for error messages. */
  templateFile: string
}

/**
 * Loads every target folder under `dir`, sorted by `order` then id. `dir` may also be one
 * target folder itself (it holds target.json), so users can point at a single target.
 */
export interface LoadTargetOptions {
  /**
   * Compile each template at load, so syntax errors surface once with file and line. The
   * generation cache turns it off while it may need no template at all. @default true
   */
  compile?: boolean
}

export async function loadTargetDir(dir: string, options: LoadTargetOptions = {}): Promise<Target[]> {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (cause) {
    throw new PolysnipError(`cannot read the targets folder ${dir}`, {
      hint: 'check the path of the templates folder',
      cause,
    })
  }
  if (entries.some((e) => e.isFile() && e.name === 'target.json')) return [await loadTarget(dir, options)]
  const folders = entries.filter((e) => e.isDirectory()).map((e) => join(dir, e.name))
  const results = await Promise.allSettled(folders.map((f) => loadTarget(f, options)))
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as PolysnipError] : []))
  throwIfAny(errors)
  const targets = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))

  // Two folders with one id would make the result depend on directory order.
  const seen = new Map<string, string>()
  for (const t of targets) {
    const other = seen.get(t.id)
    if (other !== undefined) {
      throw new PolysnipError(`target id "${t.id}" is used twice (also by ${other})`, {
        file: t.templateFile,
        field: 'id',
        hint: 'give each target folder its own id in target.json',
      })
    }
    seen.set(t.id, t.templateFile)
  }
  return sortTargets(targets)
}

/** Loads one target folder. */
export async function loadTarget(folder: string, options: LoadTargetOptions = {}): Promise<Target> {
  const metaFile = join(folder, 'target.json')
  const templateFile = join(folder, 'template.hbs')
  const shown = (f: string) => displayPath(f)

  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8')
    } catch (cause) {
      const what = file === metaFile ? 'metadata' : 'template'
      throw new PolysnipError(`cannot read target ${what}`, {
        file: shown(file),
        hint: 'a target folder holds target.json and template.hbs',
        cause,
      })
    }
  }
  const metaText = read(metaFile)
  const template = read(templateFile)

  let json: unknown
  try {
    json = JSON.parse(metaText)
  } catch (cause) {
    throw new PolysnipError(`invalid JSON: ${(cause as Error).message}`, {
      file: shown(metaFile),
      hint: 'fix the JSON syntax',
      cause,
    })
  }
  const parsed = targetMetaSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new PolysnipError(issue?.message ?? 'invalid target metadata', {
      file: shown(metaFile),
      field: issue?.path.join('.') || undefined,
      hint: 'see "Adding a target" in the README for the fields of target.json',
    })
  }
  const target = { ...parsed.data, template, templateFile: shown(templateFile) }

  // Compiling now reports a template's syntax errors once, at load, with file and line,
  // rather than once per spec at render time. The compiled template is cached for rendering.
  if (options.compile ?? true) (await import('./engine.ts')).compileTarget(target)
  return target
}

export function sortTargets(targets: Target[]): Target[] {
  return [...targets].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
}

/**
 * Built-in targets, with user folders layered on top: a user target with a built-in id replaces
 * it (an override); a new id adds a target.
 */
export async function loadTargets(
  userDirs: string[] = [],
  options: LoadTargetOptions = {},
): Promise<Target[]> {
  const byId = new Map<string, Target>()
  for (const dir of [builtinTemplatesDir, ...userDirs]) {
    const targets = await loadTargetDir(dir, options)
    if (targets.length === 0) {
      throw new PolysnipError(`no targets in ${dir}`, {
        hint: 'a targets folder holds one folder per target, each with target.json and template.hbs',
      })
    }
    for (const t of targets) byId.set(t.id, t)
  }
  return sortTargets([...byId.values()])
}

/** Keeps the targets named in `ids` (all when empty); unknown ids are an error. */
export function selectTargets(targets: Target[], ids: string[] | undefined): Target[] {
  if (!ids || ids.length === 0) return targets
  const known = new Set(targets.map((t) => t.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new PolysnipError(`unknown target ${unknown.map((u) => `"${u}"`).join(', ')}`, {
      hint: `known targets: ${[...known].join(', ')}`,
    })
  }
  return targets.filter((t) => ids.includes(t.id))
}
