/**
 * The generation cache's index: one file per generation and verification report, listing every
 * spec file with its stamp, the hash of its bytes, its parsed spec and the hashes of its outputs.
 * One read of it replaces a read per spec. The texts themselves sit in one content file per spec
 * (see cache.ts), which the index names, and which leaves the cache when its entry does.
 */
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Spec } from '../spec/model.ts'
import type { FileStamp } from './file-stamp.ts'

/** Indexes (verification reports) kept per generation besides the current one. */
const KEPT_INDEXES = 3

/** Content files are named by hashes; anything else in an index is never deleted. */
const BLOB = /^[0-9a-f]{2}\/[0-9a-f]{48}\.json$/

export interface IndexEntry {
  /** The spec file's stamp when its bytes were hashed. */
  stamp: FileStamp
  /** SHA-256 of the spec file's bytes. */
  sha256: string
  /** The content file, relative to the generation's folder. */
  blob: string
  spec: Spec
  /** Warnings parsing the spec gave, shown again on every run that reuses it. */
  warnings: string[]
  /** Number of programs (one per target); their texts come first in the content file. */
  codes: number
  /** Every format file, in the order the formats made them; texts in the content file. */
  outputs: Array<{ path: string; format: string; target?: string }>
  /** SHA-256 of every program, then of every format file. */
  hashes: string[]
}

interface IndexFile {
  format: number
  savedAt: number
  specs: Record<string, IndexEntry>
}

/** A truncated or foreign entry must be a miss, never wrong output. */
export function isEntry(entry: IndexEntry | undefined): entry is IndexEntry {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.stamp === 'string' &&
    typeof entry.sha256 === 'string' &&
    typeof entry.blob === 'string' &&
    BLOB.test(entry.blob) &&
    typeof entry.spec?.id === 'string' &&
    Array.isArray(entry.warnings) &&
    Array.isArray(entry.outputs) &&
    Array.isArray(entry.hashes) &&
    entry.hashes.length === entry.codes + entry.outputs.length &&
    // Length only: a regex per hash was a visible part of a run. A wrong hash can at worst make
    // a file look changed, and texts are checked against these hashes when read (cache.ts).
    entry.hashes.every((h) => typeof h === 'string' && h.length === 64)
  )
}

export class CacheIndex {
  /** Blobs of entries that were replaced or dropped, removed once the new index is saved. */
  private readonly orphans = new Set<string>()
  private changed = false

  private constructor(
    private readonly file: string,
    private readonly format: number,
    readonly savedAt: number,
    private readonly specs: Record<string, IndexEntry>,
  ) {}

  /** The index in `file`; a missing, unreadable or older one is an empty index. */
  static read(file: string, format: number): CacheIndex {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as IndexFile
      if (data.format === format && typeof data.savedAt === 'number' && typeof data.specs === 'object') {
        return new CacheIndex(file, format, data.savedAt, data.specs)
      }
    } catch {
      // None yet, or unreadable: every spec is a miss this once.
    }
    return new CacheIndex(file, format, 0, {})
  }

  get(file: string): IndexEntry | undefined {
    const entry = this.specs[file]
    return isEntry(entry) ? entry : undefined
  }

  set(file: string, entry: IndexEntry): void {
    const old = this.specs[file]
    if (old && old.blob !== entry.blob) this.orphans.add(old.blob)
    this.specs[file] = entry
    this.changed = true
  }

  /** Notes a new stamp for an entry whose bytes were hashed and found unchanged. */
  restamp(file: string, stamp: FileStamp): void {
    const entry = this.specs[file]
    if (!entry) return
    entry.stamp = stamp
    this.changed = true
  }

  /**
   * Saves the index if this run changed it, dropping entries of spec files that no longer exist
   * (so one entry per spec file is all the cache keeps), then removes orphaned content files and
   * the indexes of reports not used lately. Failures only cost the next run some time.
   */
  save(dir: string, used: Set<string>): void {
    for (const [file, entry] of Object.entries(this.specs)) {
      if (used.has(file) || statSync(file, { throwIfNoEntry: false })) continue
      this.orphans.add(entry.blob)
      delete this.specs[file]
      this.changed = true
    }
    if (!this.changed || !this.write()) return
    try {
      const kept = new Set(Object.values(this.specs).map((e) => e.blob))
      for (const blob of this.orphans) {
        if (!kept.has(blob) && BLOB.test(blob)) rmSync(join(dir, blob), { force: true })
      }
    } catch {
      // Left behind, a content file only takes disk until its generation is pruned.
    }
    pruneIndexes(dir, this.file)
  }

  /** Drops an entry at once (its content file turned out unusable), so the next run renders it. */
  forget(file: string): void {
    delete this.specs[file]
    this.write()
  }

  private write(): boolean {
    try {
      const temp = `${this.file}.${process.pid}.${randomUUID()}.tmp`
      const data: IndexFile = { format: this.format, savedAt: Date.now(), specs: this.specs }
      writeFileSync(temp, JSON.stringify(data))
      renameSync(temp, this.file)
      return true
    } catch {
      return false
    }
  }
}

/** Removes all but the few most recently saved indexes of a generation, with their blobs. */
function pruneIndexes(dir: string, current: string): void {
  try {
    const names = readdirSync(dir).filter((n) => /^index-[0-9a-f]{16}\.json$/.test(n))
    const others = names.map((n) => join(dir, n)).filter((p) => p !== current)
    if (others.length <= KEPT_INDEXES) return
    const dated = others.map((path) => ({ path, time: statSync(path).mtimeMs }))
    dated.sort((a, b) => b.time - a.time)
    for (const { path } of dated.slice(KEPT_INDEXES)) {
      // Blob names carry the report they were made for, so no other index lists them.
      const blobs = blobsListed(path)
      rmSync(path, { force: true })
      for (const blob of blobs) rmSync(join(dir, blob), { force: true })
    }
  } catch {
    // A cache that cannot be tidied still works; it only takes more disk.
  }
}

/** The content files an index lists, whatever its format. */
function blobsListed(path: string): string[] {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<IndexFile>
    const blobs = Object.values(data.specs ?? {}).map((e) => (e as Partial<IndexEntry> | null)?.blob)
    return blobs.filter((b): b is string => typeof b === 'string' && BLOB.test(b))
  } catch {
    return []
  }
}
