/**
 * What `writeOutput` last put in an output folder: a stamp (file-stamp.ts) and SHA-256 per file.
 * A file whose stamp is the recorded one still holds the recorded content, so an unchanged file
 * costs a stat instead of a read, and the record's file list is the previous run's file list.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { settled, stampOf } from './file-stamp.ts'

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

export class Stamps {
  private readonly next: { [name: string]: Record } = {}
  /** Set when the record to save differs from the one read. */
  private changed = false
  /** What `observe` saw, by file name, for the folder at `prefix`. */
  private observed: { prefix: string; seen: Map<string, string> } | undefined

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
    const seen = new Map<string, string>()
    for (const name of Object.keys(this.known)) {
      const info = statSync(prefix + name, { throwIfNoEntry: false })
      if (!info?.isFile()) continue
      seen.set(name, this.marked(info))
    }
    this.observed = { prefix, seen }
    return this
  }

  /** The file's stamp, "~"-marked when racy, from `observe` or a stat now; undefined if none. */
  private look(name: string, path: string): string | undefined {
    if (this.observed && path === this.observed.prefix + name) return this.observed.seen.get(name)
    const info = statSync(path, { throwIfNoEntry: false })
    return info?.isFile() ? this.marked(info) : undefined
  }

  /** A racy stamp (file-stamp.ts) keeps a mark: it may still prove "not touched since". */
  private marked(info: Stats): string {
    const stamp = stampOf(info)
    return settled(info, this.savedAt) ? stamp : `~${stamp}`
  }

  private trusted(name: string, path: string): Record | undefined {
    const record = this.known[name]
    if (typeof record !== 'string') return undefined
    return this.look(name, path) === record.slice(0, -HASH_LENGTH - 1) ? record : undefined
  }

  /**
   * The recorded hash when `path` still has its recorded stamp, even a racy one: a file that was
   * not touched since holds the recorded content, and one touched within the same clock tick is
   * at worst rewritten. Lets a changed file be written without reading the old one first.
   */
  recordedIfSame(name: string, path: string): string | undefined {
    const record = this.known[name]
    if (typeof record !== 'string') return undefined
    const stamp = this.look(name, path)?.replace(/^~/, '')
    return stamp === record.slice(0, -HASH_LENGTH - 1) ? hashIn(record) : undefined
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
      const temp = `${this.file}.${process.pid}.${randomUUID()}.tmp`
      writeFileSync(temp, JSON.stringify(data))
      renameSync(temp, this.file)
    } catch {
      // Read-only cache folder: correct output, slower next run.
    }
  }
}
