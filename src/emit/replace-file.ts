/**
 * Cache files (the generation cache's index and content files, output stamps, highlighted
 * HTML, the image of compiled patterns) are replaced whole: written to a temporary file, then renamed over the old one, so a
 * reader never sees half a file. The temporary name is unique per writer, since test workers
 * and parallel builds may share a process id and a cache folder.
 */
import { randomUUID } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'

/**
 * Replaces `path` with `text` in its existing folder; false when that failed (a read-only or
 * full disk), which for a cache only costs the next run some time.
 */
export function replaceFile(path: string, text: string | Uint8Array): boolean {
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`
  try {
    writeFileSync(temp, text)
    renameSync(temp, path)
    return true
  } catch {
    rmSync(temp, { force: true })
    return false
  }
}
