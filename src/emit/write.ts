/**
 * Puts generated files on disk, or compares them with what is there. Writes are atomic per file
 * (temporary file, then rename), and files that an earlier run wrote but this one did not are
 * removed, so the folder always matches one run.
 */
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises'
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

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/** Files listed by the manifest already in `outDir` (what an earlier run wrote). */
async function previousFiles(outDir: string): Promise<string[]> {
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
  const stamps = options.stampFile === undefined ? undefined : Stamps.read(options.stampFile)
  const stale = (await previousFiles(outDir)).filter((f) => !files.has(f))

  // The manifest goes last: if the process dies midway, the old manifest still lists every
  // file this run may have written, so the next run cleans up correctly.
  const ordered = [...files.keys()].sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE))
  for (const file of ordered) {
    const content = files.get(file) ?? ''
    const path = join(outDir, file)
    const hash = stamps ? (options.hashes?.get(file) ?? sha256(content)) : ''
    if (stamps?.matches(file, path, hash) || (await readIfExists(path)) === content) {
      stamps?.record(file, path, hash)
      result.unchanged.push(file)
      continue
    }
    await mkdir(dirname(path), { recursive: true })
    const temp = `${path}.${process.pid}.tmp`
    await writeFile(temp, content)
    await rename(temp, path)
    stamps?.record(file, path, hash)
    result.written.push(file)
  }
  stamps?.save()

  for (const file of stale) {
    await rm(join(outDir, file), { force: true })
    result.removed.push(file)
  }
  // A spec that is gone leaves its folder empty; rmdir refuses folders that still hold files.
  const folders = new Set(stale.map((f) => dirname(join(outDir, f))))
  for (const folder of folders) await rmdir(folder).catch(() => undefined)
  return result
}
