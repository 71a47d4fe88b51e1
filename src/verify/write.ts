/**
 * Files a verification leaves behind: `verification.json` beside the manifest (for the site) and
 * an optional full JSON report. Both are written atomically.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { VerifyReport } from './summary.ts'

export const VERIFICATION_FILE = 'verification.json'

async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, text)
  await rename(temp, path)
}

/** Writes `<outDir>/verification.json`; returns its path. */
export async function writeVerification(outDir: string, report: VerifyReport): Promise<string> {
  const path = join(outDir, VERIFICATION_FILE)
  await writeAtomic(path, `${JSON.stringify(report.verification, null, 2)}\n`)
  return path
}

/** Writes the whole report (every run, with failure details) as JSON. */
export async function writeReport(path: string, report: VerifyReport): Promise<void> {
  const { table: _table, failures: _failures, ...data } = report
  await writeAtomic(path, `${JSON.stringify(data, null, 2)}\n`)
}
