/**
 * The generation cache's index: one file per generation and verification report, listing every
 * spec file with its stamp, the hash of its bytes, its parsed spec and the hashes of its outputs.
 * One read of it replaces a read per spec. The texts themselves sit in one content file per spec
 * (see cache.ts), which the index names, and which leaves the cache when its entry does.
 */
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import type { Spec } from '../spec/model.ts'
import { IN_USE_MS } from './cache-generations.ts'
import type { FileStamp } from './file-stamp.ts'
import { replaceFile } from './replace-file.ts'

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

interface IndexHeader {
  format: number
  savedAt: number
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

/** One line per spec file: its name as JSON, a tab, its entry as JSON (parsed when asked for). */
interface Row {
  text: string
  entry?: IndexEntry | null
}

export class CacheIndex {
  /** Blobs of entries that were replaced or dropped, removed once the new index is saved. */
  private readonly orphans = new Set<string>()
  private changed = false

  private constructor(
    private readonly file: string,
    private readonly format: number,
    readonly savedAt: number,
    private readonly rows: Map<string, Row>,
  ) {}

  /**
   * The index in `file`; a missing, unreadable or older one is an empty index. Lines are split
   * here but entries parsed only when looked up, and a rewrite reuses the text of untouched
   * entries: with a thousand specs and one changed, that halved the index's share of a run.
   */
  static read(file: string, format: number): CacheIndex {
    const rows = new Map<string, Row>()
    try {
      const lines = readFileSync(file, 'utf8').split('\n')
      const header = JSON.parse(lines[0] ?? '') as Partial<IndexHeader>
      if (header.format === format && typeof header.savedAt === 'number') {
        for (const line of lines.slice(1)) {
          const tab = line.indexOf('\t')
          if (tab > 0) rows.set(JSON.parse(line.slice(0, tab)) as string, { text: line.slice(tab + 1) })
        }
        // Marks the index in use, so a concurrent run does not prune it while this one reads.
        const now = new Date()
        utimesSync(file, now, now)
        return new CacheIndex(file, format, header.savedAt, rows)
      }
    } catch {
      // None yet, or unreadable: every spec is a miss this once.
    }
    return new CacheIndex(file, format, 0, new Map())
  }

  get(file: string): IndexEntry | undefined {
    const row = this.rows.get(file)
    if (!row) return undefined
    if (row.entry === undefined) {
      try {
        const entry = JSON.parse(row.text) as IndexEntry
        row.entry = isEntry(entry) ? entry : null
      } catch {
        row.entry = null
      }
    }
    return row.entry ?? undefined
  }

  set(file: string, entry: IndexEntry): void {
    const old = this.get(file)
    if (old && old.blob !== entry.blob) this.orphans.add(old.blob)
    this.rows.set(file, { text: JSON.stringify(entry), entry })
    this.changed = true
  }

  /** Notes a new stamp for an entry whose bytes were hashed and found unchanged. */
  restamp(file: string, stamp: FileStamp): void {
    const entry = this.get(file)
    if (!entry) return
    entry.stamp = stamp
    this.rows.set(file, { text: JSON.stringify(entry), entry })
    this.changed = true
  }

  /**
   * Saves the index if this run changed it, dropping entries of spec files that no longer exist
   * (so one entry per spec file is all the cache keeps), then removes orphaned content files and
   * the indexes of reports not used lately. Failures only cost the next run some time.
   */
  save(dir: string, used: ReadonlyMap<string, unknown>): void {
    for (const file of this.rows.keys()) {
      if (used.has(file) || statSync(file, { throwIfNoEntry: false })) continue
      const blob = this.get(file)?.blob
      if (blob) this.orphans.add(blob)
      this.rows.delete(file)
      this.changed = true
    }
    if (!this.changed || !this.write()) return
    try {
      // Blob names carry the spec file's name, so no other entry can list an orphan.
      for (const blob of this.orphans) if (BLOB.test(blob)) rmSync(join(dir, blob), { force: true })
    } catch {
      // Left behind, a content file only takes disk until its generation is pruned.
    }
    pruneIndexes(dir, this.file)
  }

  /** Drops an entry at once (its content file turned out unusable), so the next run renders it. */
  forget(file: string): void {
    this.rows.delete(file)
    this.write()
  }

  private write(): boolean {
    const header: IndexHeader = { format: this.format, savedAt: Date.now() }
    const lines = [JSON.stringify(header)]
    for (const [file, row] of this.rows) lines.push(`${JSON.stringify(file)}\t${row.text}`)
    return replaceFile(this.file, lines.join('\n'))
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
    const old = dated.slice(KEPT_INDEXES).filter(({ time }) => Date.now() - time > IN_USE_MS)
    for (const { path } of old) {
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
    const lines = readFileSync(path, 'utf8').split('\n').slice(1)
    const blobs = lines.map((line) => {
      try {
        return (JSON.parse(line.slice(line.indexOf('\t') + 1)) as Partial<IndexEntry> | null)?.blob
      } catch {
        return undefined
      }
    })
    return blobs.filter((b): b is string => typeof b === 'string' && BLOB.test(b))
  } catch {
    return []
  }
}
