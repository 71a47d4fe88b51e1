/**
 * What `writeOutput` last put in an output folder: size, modification time and SHA-256 per file.
 * When a file's size and mtime are still the recorded ones, its content is the recorded one, so
 * an unchanged file costs a stat instead of a read. A file touched in the same millisecond as the
 * record was saved could change unseen, so such files are read as before (git does the same).
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export interface Stamp {
  size: number
  mtimeMs: number
  sha256: string
}

interface StampFile {
  format: 1
  savedAt: number
  files: Record<string, Stamp>
}

/** The record file for one output folder inside the cache folder. */
export function stampFileFor(cacheDir: string, outDir: string): string {
  const name = createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 32)
  return join(cacheDir, 'written', `${name}.json`)
}

export class Stamps {
  private readonly next: Record<string, Stamp> = {}

  private constructor(
    private readonly file: string,
    private readonly known: Record<string, Stamp>,
    private readonly savedAt: number,
  ) {}

  /** The record in `file`; a missing or unreadable one is an empty record. */
  static read(file: string): Stamps {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as StampFile
      if (data.format === 1 && typeof data.savedAt === 'number' && data.files) {
        return new Stamps(file, data.files, data.savedAt)
      }
    } catch {
      // Fall through: without a record every file is read, which is only slower.
    }
    return new Stamps(file, {}, 0)
  }

  /** True when `path` provably holds content with this hash, without reading it. */
  matches(name: string, path: string, sha256: string): boolean {
    const stamp = this.known[name]
    if (!stamp || stamp.sha256 !== sha256 || stamp.mtimeMs >= this.savedAt) return false
    const info = statSync(path, { throwIfNoEntry: false })
    if (!info?.isFile() || info.size !== stamp.size || info.mtimeMs !== stamp.mtimeMs) return false
    this.next[name] = stamp
    return true
  }

  /** Records that `path` now holds content with this hash. */
  record(name: string, path: string, sha256: string): void {
    if (this.next[name]?.sha256 === sha256) return
    const info = statSync(path)
    this.next[name] = { size: info.size, mtimeMs: info.mtimeMs, sha256 }
  }

  /** Saves what this run recorded; a failure only makes the next run read files again. */
  save(): void {
    const data: StampFile = { format: 1, savedAt: Date.now(), files: this.next }
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
