/**
 * File helpers for the sections: temporary folders, and what a generation run wrote.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `polysnip-bench-${label}-`))
}

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name
    return e.isDirectory() ? listFiles(dir, rel) : [rel]
  })
}

/** "7 programs, 1 .json" style summary of what a run wrote, by file extension. */
export function describeOutput(dir: string): string {
  if (!existsSync(dir)) return 'nothing'
  const counts = new Map<string, number>()
  for (const file of listFiles(dir)) {
    const ext = extname(file) || file
    counts.set(ext, (counts.get(ext) ?? 0) + 1)
  }
  return [...counts].sort().map(([ext, n]) => `${n} ${ext}`).join(', ')
}

export function totalBytes(dir: string): number {
  return listFiles(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0)
}
