/**
 * A file's stamp: size, modification and change times and inode. When a file's stamp is the one
 * recorded next to a hash of its bytes, its bytes are still those (git trusts the same), so an
 * unchanged file costs a stat instead of a read. The change time cannot be set by tools that
 * restore mtimes (`cp -p`, `touch -r`), and the inode changes when a file is replaced.
 */
import type { Stats } from 'node:fs'

/**
 * `size:mtimeMs:ctimeMs:ino` as one string: records of thousands of files then parse into one
 * string each rather than an array of numbers, which showed in start-up and GC time.
 */
export type FileStamp = string

/**
 * A file modified this close to (or after) the moment its stamp was recorded could change again
 * within the same tick of the file system's clock without its times moving, so it is read and
 * hashed instead of trusted. Linux file systems keep nanoseconds but tick with the kernel's
 * coarse clock (a few milliseconds); a whole-second mtime means a file system that keeps seconds
 * (HFS+, or FAT's two), which needs a window longer than its tick.
 */
export function racyWindowMs(mtimeMs: number): number {
  return mtimeMs % 1000 === 0 ? 2100 : 100
}

export function stampOf(info: Stats): FileStamp {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`
}

/** True when the file was last modified or changed well before `savedAt` (not racily close). */
export function settled(info: Stats, savedAt: number): boolean {
  const latest = Math.max(info.mtimeMs, info.ctimeMs)
  return latest < savedAt - racyWindowMs(latest)
}

/** True when `info` has this stamp and was not modified racily close to `savedAt`. */
export function trusted(stamp: FileStamp | undefined, info: Stats | undefined, savedAt: number): boolean {
  if (stamp === undefined || !info?.isFile()) return false
  return settled(info, savedAt) && stampOf(info) === stamp
}
