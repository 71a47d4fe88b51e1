/**
 * What `writeOutput` last put in an output folder: a stamp (file-stamp.ts) and SHA-256 per file.
 * A file whose stamp is the recorded one still holds the recorded content, so an unchanged file
 * costs a stat instead of a read, and the record's file list is the previous run's file list.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { settled, stampOf } from './file-stamp.ts'
import { replaceFile } from './replace-file.ts'

/** A file's stamp, a space and the SHA-256 of its bytes. */
type Record = string

interface StampFile {
  format: 3
  savedAt: number
  files: { [name: string]: Record }
}

/** The record file for one output folder inside the cache folder. */
export function stampFileFor(cacheDir: string, outDir: string): string {
  const name = createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 32)
  return join(cacheDir, 'written', `${name}.json`)
}

function hashOf(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex')
  } catch {
    return undefined
  }
}

const HASH_LENGTH = 64

function hashIn(record: Record | undefined): string | undefined {
  return typeof record === 'string' ? record.slice(-HASH_LENGTH) : undefined
}

/** A file compared with its record: same stamp and settled, same stamp but racy, or neither. */
type Found = 'trusted' | 'racy' | 'other'

export class Stamps {
  private readonly next: { [name: string]: Record } = {}
  /** Set when the record to save differs from the one read. */
  private changed = false
  /** What `observe` found, by file name, for the folder at `prefix`. */
  private observed: { prefix: string; found: Map<string, Found> } | undefined

  private constructor(
    private readonly file: string,
    private readonly known: { [name: string]: Record },
    private readonly savedAt: number,
  ) {}

  /** The record in `file`; a missing or unreadable one is an empty record. */
  static read(file: string): Stamps {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as StampFile
      const files = data.format === 3 && typeof data.savedAt === 'number' ? data.files : undefined
      if (files && typeof files === 'object') return new Stamps(file, files, data.savedAt)
    } catch {
      // Fall through: without a record every file is read, which is only slower.
    }
    return new Stamps(file, {}, 0)
  }

  /**
   * Stats every recorded file of `outDir` now, for the checks below to use. Thousands of stats
   * make garbage, and collecting it is cheap while the heap is small (before specs are loaded)
   * and costs about three times as much once the run's data fills it. A file changed between
   * this stat and the end of the run is seen by the next run: its stamp no longer matches.
   */
  observe(outDir: string): this {
    const prefix = outDir.endsWith('/') ? outDir : `${outDir}/`
    const found = new Map<string, Found>()
    for (const name of Object.keys(this.known)) found.set(name, this.compare(name, prefix + name))
    this.observed = { prefix, found }
    return this
  }

  /** How `path` compares with its record now, or as `observe` found it. */
  private look(name: string, path: string): Found {
    const { observed } = this
    const seen = observed && path === observed.prefix + name ? observed.found.get(name) : undefined
    return seen ?? this.compare(name, path)
  }

  private compare(name: string, path: string): Found {
    const record = this.known[name]
    const info = typeof record === 'string' ? statSync(path, { throwIfNoEntry: false }) : undefined
    if (!info?.isFile() || stampOf(info) !== record?.slice(0, -HASH_LENGTH - 1)) return 'other'
    // A racy stamp (file-stamp.ts) cannot prove the content, only that the file was not touched.
    return settled(info, this.savedAt) ? 'trusted' : 'racy'
  }

  private trusted(name: string, path: string): Record | undefined {
    return this.look(name, path) === 'trusted' ? this.known[name] : undefined
  }

  /**
   * The recorded hash when `path` still has its recorded stamp, even a racy one: a file that was
   * not touched since holds the recorded content, and one touched within the same clock tick is
   * at worst rewritten. Lets a changed file be written without reading the old one first.
   */
  recordedIfSame(name: string, path: string): string | undefined {
    return this.look(name, path) === 'other' ? undefined : hashIn(this.known[name])
  }

  /** True when `path` provably holds content with this hash, without reading it. */
  matches(name: string, path: string, sha256: string): boolean {
    const record = hashIn(this.known[name]) === sha256 ? this.trusted(name, path) : undefined
    if (record) this.next[name] = record
    return record !== undefined
  }

  /**
   * The files the record lists, when `name` (the manifest) is still the file recorded with them:
   * the run that saved the record wrote exactly those. Undefined when that cannot be proved.
   */
  filesIfUnchanged(name: string, path: string): string[] | undefined {
    const hash = hashIn(this.known[name])
    if (hash === undefined) return undefined
    // Hashing is still cheaper than parsing when the stamp alone cannot tell (a racy one).
    const same = this.trusted(name, path) !== undefined || hashOf(path) === hash
    return same ? Object.keys(this.known) : undefined
  }

  /** Records that `path` now holds content with this hash. */
  record(name: string, path: string, sha256: string): void {
    if (hashIn(this.next[name]) === sha256) return
    this.next[name] = `${stampOf(statSync(path))} ${sha256}`
    this.changed = true
  }

  /** Saves what this run recorded, unless it is what was read; a failure only costs speed. */
  save(): void {
    const names = Object.keys(this.next)
    if (!this.changed && names.length === Object.keys(this.known).length) return
    const data: StampFile = { format: 3, savedAt: Date.now(), files: this.next }
    try {
      mkdirSync(dirname(this.file), { recursive: true })
      replaceFile(this.file, JSON.stringify(data))
    } catch {
      // Read-only cache folder: correct output, slower next run.
    }
  }
}
