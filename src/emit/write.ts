/**
 * Puts generated files on disk, or compares them with what is there, one file at a time as
 * generation makes them (`OutputWriter`, `DriftCheck`) or for a whole set (`writeOutput`,
 * `checkOutput`). Changed files go to temporary files first and are renamed into place together
 * at the end, manifest last; files that an earlier run wrote but this one did not are removed, so
 * the folder always matches one run.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
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

/** A file's text, or a loader for it (the generation cache reads texts only when needed). */
export type Content = string | (() => string)

const textOf = (content: Content): string => (typeof content === 'string' ? content : content())

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/**
 * True when `path` holds exactly `content`. Most changed files differ in size, so they are not
 * read; a missing file costs a stat, not an exception.
 */
function holds(path: string, content: string): boolean {
  const info = statSync(path, { throwIfNoEntry: false })
  if (!info?.isFile() || info.size !== Buffer.byteLength(content)) return false
  return readFileSync(path, 'utf8') === content
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

/** Compares output files with `outDir` as they come, without touching it. */
export class DriftCheck implements OutputSink {
  private readonly drift: Drift = { changed: [], missing: [], stale: [] }
  private readonly seen = new Set<string>()

  constructor(private readonly outDir: string) {}

  async add(file: string, content: Content): Promise<void> {
    this.seen.add(file)
    const current = await readIfExists(join(this.outDir, file))
    if (current === null) this.drift.missing.push(file)
    else if (current !== textOf(content)) this.drift.changed.push(file)
  }

  /** The differences, once every file (the manifest included) was added. */
  async finish(): Promise<Drift> {
    for (const file of await previousFiles(this.outDir)) {
      const there = (await readIfExists(join(this.outDir, file))) !== null
      if (!this.seen.has(file) && there) this.drift.stale.push(file)
    }
    return this.drift
  }
}

/** Compares the rendered files with `outDir` without touching it. */
export async function checkOutput(outDir: string, files: Map<string, string>): Promise<Drift> {
  const check = new DriftCheck(outDir)
  for (const [file, content] of files) await check.add(file, content)
  return check.finish()
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

/** Takes finished output files one at a time, so that they need not all be in memory at once. */
export interface OutputSink {
  /** `hash` is the SHA-256 of `content`, when known. */
  add(file: string, content: Content, hash?: string): Promise<void>
}

/**
 * Writes output files as they come, without putting any in place before `commit`: a changed file
 * goes to a temporary file beside its target, and `commit` renames them all, removes files an
 * earlier run wrote and this one did not, and writes the manifest last. If generation fails
 * halfway, `abort` removes the temporary files and the folder is as it was.
 */
export class OutputWriter implements OutputSink {
  private readonly result: WriteResult = { written: [], unchanged: [], removed: [] }
  /** Temporary file and hash of each changed file, by path. */
  private readonly temps = new Map<string, { temp: string; hash: string }>()
  private readonly seen = new Set<string>()
  private readonly folders = new Set<string>()

  private constructor(
    private readonly outDir: string,
    private readonly previous: string[],
    private readonly stamps: Stamps | undefined,
  ) {}

  static async open(outDir: string, options: Pick<WriteOptions, 'stampFile' | 'stamps'> = {}) {
    const { stampFile } = options
    const stamps = options.stamps ?? (stampFile === undefined ? undefined : Stamps.read(stampFile))
    return new OutputWriter(outDir, await previousFiles(outDir, stamps), stamps)
  }

  // Synchronous on purpose: thousands of small files cost several times more as async calls,
  // each a round trip through libuv's thread pool, and there is nothing to overlap them with.
  async add(file: string, content: Content, hash?: string): Promise<void> {
    this.seen.add(file)
    const path = join(this.outDir, file)
    // A file the stamps prove current is neither read nor (for a cached spec) even loaded.
    if (this.stamps && hash !== undefined && this.stamps.matches(file, path, hash)) {
      this.result.unchanged.push(file)
      return
    }
    const text = textOf(content)
    const sum = this.stamps ? (hash ?? sha256(text)) : ''
    const stamped = hash === undefined && this.stamps?.matches(file, path, sum)
    // A file that still holds what an earlier run recorded, with another hash, needs no reading.
    const recorded = stamped ? undefined : this.stamps?.recordedIfSame(file, path)
    const differs = recorded !== undefined && recorded !== sum
    if (!differs && (stamped || holds(path, text))) {
      this.stamps?.record(file, path, sum)
      this.result.unchanged.push(file)
      return
    }
    const folder = dirname(path)
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true })
      this.folders.add(folder)
    }
    const temp = `${path}.${process.pid}.tmp`
    writeFileSync(temp, text)
    this.temps.set(file, { temp, hash: sum })
    this.result.written.push(file)
  }

  /** Puts every changed file in place, the manifest (`MANIFEST_FILE`) last. */
  async commit(manifest: string): Promise<WriteResult> {
    // The manifest goes last: if the process dies midway, the old manifest still lists every
    // file an earlier run wrote, so the next run cleans up correctly.
    await this.add(MANIFEST_FILE, manifest)
    for (const [file, { temp, hash }] of this.temps) {
      const path = join(this.outDir, file)
      renameSync(temp, path)
      this.stamps?.record(file, path, hash)
    }
    this.temps.clear()
    this.stamps?.save()

    // The old manifest listed these; once the new one is in place nothing refers to them.
    const stale = this.previous.filter((f) => !this.seen.has(f))
    for (const file of stale) {
      await rm(join(this.outDir, file), { force: true })
      this.result.removed.push(file)
    }
    // A spec that is gone leaves its folder empty; rmdir refuses folders that still hold files.
    const folders = new Set(stale.map((f) => dirname(join(this.outDir, f))))
    for (const folder of folders) await rmdir(folder).catch(() => undefined)
    return this.result
  }

  /** Removes the temporary files: nothing in the folder changes. */
  async abort(): Promise<void> {
    for (const { temp } of this.temps.values()) rmSync(temp, { force: true })
    this.temps.clear()
  }
}

/** Writes the files whose content changed, removes stale ones, manifest last. */
export async function writeOutput(
  outDir: string,
  files: Map<string, string>,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const writer = await OutputWriter.open(outDir, options)
  try {
    // Loaders, not texts: a lazily filled map (output-files.ts) is read only where needed.
    for (const file of files.keys()) {
      const content = () => files.get(file) ?? ''
      if (file !== MANIFEST_FILE) await writer.add(file, content, options.hashes?.get(file))
    }
    return await writer.commit(files.get(MANIFEST_FILE) ?? '')
  } catch (e) {
    await writer.abort()
    throw e
  }
}
