/**
 * Reads the verifier's report (`verification.json` beside the manifest) so the manifest can say
 * which toolchain proved each snippet. A snippet counts as verified only when the report's
 * sha256 is the one of the file just generated: a report about older code proves nothing.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const VERIFICATION_FILE = 'verification.json'

export interface VerificationEntry {
  spec: string
  target: string
  sha256: string
  status: string
  toolchain?: string
  toolchainVersion?: string
}

export interface VerificationReport {
  version: number
  snippets: VerificationEntry[]
}

export interface Verified {
  toolchain: string
  version: string
}

/** The report in `outDir`, or null when there is none or it cannot be read as one. */
export async function readVerification(outDir: string): Promise<VerificationReport | null> {
  let text: string
  try {
    // Synchronous: one small file on every run, where a thread hop cost more than the read.
    text = readFileSync(join(outDir, VERIFICATION_FILE), 'utf8')
  } catch {
    return null
  }
  try {
    const report = JSON.parse(text) as Partial<VerificationReport>
    return Array.isArray(report.snippets) ? { version: report.version ?? 0, snippets: report.snippets } : null
  } catch {
    // A half-written or hand-edited report must not stop generation; it just verifies nothing.
    return null
  }
}

/**
 * Each report's first entry per spec and target, so a lookup is not a scan of the report; made
 * again if a caller swaps or grows the report's list.
 */
const indexes = new WeakMap<VerificationEntry[], { size: number; map: Map<string, VerificationEntry> }>()

function indexOf(report: VerificationReport): Map<string, VerificationEntry> {
  const known = indexes.get(report.snippets)
  if (known?.size === report.snippets.length) return known.map
  const map = new Map<string, VerificationEntry>()
  for (const e of report.snippets) {
    const key = `${e.spec}\0${e.target}`
    if (!map.has(key)) map.set(key, e)
  }
  indexes.set(report.snippets, { size: report.snippets.length, map })
  return map
}

/** What the report says about one snippet, when it passed with exactly this code. */
export function verifiedBy(
  report: VerificationReport | null | undefined,
  snippet: { spec: string; target: string; sha256: string },
): Verified | undefined {
  // A scan per snippet made a run quadratic in the number of snippets of a verified project.
  const entry = report ? indexOf(report).get(`${snippet.spec}\0${snippet.target}`) : undefined
  if (!entry || entry.sha256 !== snippet.sha256 || entry.status !== 'passed') return undefined
  if (!entry.toolchain || !entry.toolchainVersion) return undefined
  return { toolchain: entry.toolchain, version: entry.toolchainVersion }
}
