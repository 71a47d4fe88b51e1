/**
 * Puts generated files on disk, or compares them with what is there. Writes are atomic per file
 * (temporary file, then rename), and files that an earlier run wrote but this one did not are
 * removed, so the folder always matches one run.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { readFile, rm, rmdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { MANIFEST_FILE, sha256, type Manifest } from './generate.ts'
import { Stamps } from './stamps.ts'

export interface Drift {
  /** Files whose content differs from the rendered output. */
  changed: string[]
  /** Files that should exist but do not. */
  missing: string[]
  /** Files an earlier run wrote that this run would remove. */
  stale: string[]
}

/** Like readIfExists, synchronously: most reads here are small, and a thread hop each cost more. */
function readNow(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/**
 * Files listed by the manifest already in `outDir` (what an earlier run wrote). When the stamps
 * prove the manifest is the one they were recorded with, their file list is the same list, and
 * the manifest (megabytes for thousands of specs) need not be read.
 */
async function previousFiles(outDir: string, stamps?: Stamps): Promise<string[]> {
  const recorded = stamps?.filesIfUnchanged(MANIFEST_FILE, join(outDir, MANIFEST_FILE))
  if (recorded) return recorded
  const text = await readIfExists(join(outDir, MANIFEST_FILE))
  if (!text) return []
  try {
    const manifest = JSON.parse(text) as Partial<Manifest> & { files?: string[] }
    const files = (manifest.snippets ?? []).map((s) => s.file)
    // A raw program is listed both in `snippets` and in `files`; count it once.
    return [...new Set([...files, ...(manifest.files ?? []), MANIFEST_FILE])]
  } catch {
    return []
  }
}

/** Compares the rendered files with `outDir` without touching it. */
export async function checkOutput(outDir: string, files: Map<string, string>): Promise<Drift> {
  const drift: Drift = { changed: [], missing: [], stale: [] }
  for (const [file, content] of files) {
    const current = await readIfExists(join(outDir, file))
    if (current === null) drift.missing.push(file)
    else if (current !== content) drift.changed.push(file)
  }
  for (const file of await previousFiles(outDir)) {
    if (!files.has(file) && (await readIfExists(join(outDir, file))) !== null) drift.stale.push(file)
  }
  return drift
}

export interface WriteResult {
  written: string[]
  unchanged: string[]
  removed: string[]
}

export interface WriteOptions {
  /**
   * Where to keep size, mtime and hash of every written file (see stamps.ts), so the next run
   * can stat unchanged files instead of reading them; undefined to always read. @default undefined
   */
  stampFile?: string | undefined
  /** The record already read (and observed, see `Stamps.observe`); wins over `stampFile`. */
  stamps?: Stamps | undefined
  /** SHA-256 of contents already known, by path (`generate` gives them). @default computed */
  hashes?: Map<string, string> | undefined
}

/** Writes the files whose content changed, removes stale ones, manifest last. */
export async function writeOutput(
  outDir: string,
  files: Map<string, string>,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [], removed: [] }
  const stamps = options.stamps ?? (options.stampFile === undefined ? undefined : Stamps.read(options.stampFile))
  const stale = (await previousFiles(outDir, stamps)).filter((f) => !files.has(f))

  // First what must be written, then the writing: texts the generation cache loads on demand
  // (see output-files.ts) are all loaded before the first write, so a failure leaves no mix.
  const pending: Array<[file: string, content: string, hash: string]> = []
  // Concatenated rather than join()ed: thousands of normalisations showed in profiles, and the
  // generated names are already normal.
  const prefix = outDir.endsWith('/') ? outDir : `${outDir}/`
  for (const file of files.keys()) {
    const path = prefix + file
    const known = options.hashes?.get(file)
    if (stamps && known !== undefined && stamps.matches(file, path, known)) {
      result.unchanged.push(file)
      continue
    }
    const content = files.get(file) ?? ''
    const hash = stamps ? (known ?? sha256(content)) : ''
    const stamped = known === undefined && stamps?.matches(file, path, hash)
    // A file that still holds what an earlier run recorded, with another hash, needs no reading.
    const recorded = stamped ? undefined : stamps?.recordedIfSame(file, path)
    if (recorded !== undefined && recorded !== hash) {
      pending.push([file, content, hash])
      continue
    }
    if (stamped || readNow(path) === content) {
      stamps?.record(file, path, hash)
      result.unchanged.push(file)
      continue
    }
    pending.push([file, content, hash])
  }

  // The manifest goes last: if the process dies midway, the old manifest still lists every
  // file this run may have written, so the next run cleans up correctly.
  // Synchronous writes: for thousands of small files they beat a thread hop per call.
  pending.sort(([a], [b]) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE))
  const folders = new Set<string>()
  for (const [file, content, hash] of pending) {
    const path = prefix + file
    const folder = dirname(path)
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true })
    folders.add(folder)
    const temp = `${path}.${process.pid}.tmp`
    writeFileSync(temp, content)
    renameSync(temp, path)
    stamps?.record(file, path, hash)
    result.written.push(file)
  }
  stamps?.save()

  for (const file of stale) {
    await rm(join(outDir, file), { force: true })
    result.removed.push(file)
  }
  // A spec that is gone leaves its folder empty; rmdir refuses folders that still hold files.
  const emptied = new Set(stale.map((f) => dirname(join(outDir, f))))
  for (const folder of emptied) await rmdir(folder).catch(() => undefined)
  return result
}
