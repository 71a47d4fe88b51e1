/**
 * Reads `verification.json`, written next to the manifest by `polysnip verify`. The site shows
 * "verified with …" only for a snippet whose exact bytes passed; a missing, unreadable or older
 * report shows nothing rather than failing the build.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { silentLogger, type Logger } from '../log.ts'

interface VerificationEntry {
  spec?: unknown
  target?: unknown
  sha256?: unknown
  status?: unknown
  toolchain?: unknown
  toolchainVersion?: unknown
}

/** Maps `spec/target@sha256` to the toolchain version text the program passed with. */
export type VerifiedIndex = Map<string, string>

export const verifiedKey = (spec: string, target: string, sha256: string) =>
  `${spec}/${target}@${sha256}`

export function readVerification(dir: string, logger: Logger = silentLogger): VerifiedIndex {
  const index: VerifiedIndex = new Map()
  const file = join(dir, 'verification.json')
  if (!existsSync(file)) return index

  let report: { version?: unknown; snippets?: unknown }
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as typeof report
  } catch (cause) {
    logger.warn(`${file} is not valid JSON (${(cause as Error).message}); not showing it`)
    return index
  }
  if (report.version !== 1 || !Array.isArray(report.snippets)) {
    logger.warn(`${file} is not a version 1 verification report; not showing it`)
    return index
  }

  for (const entry of report.snippets as VerificationEntry[]) {
    const { spec, target, sha256, status, toolchain, toolchainVersion } = entry
    if (status !== 'passed') continue
    if (typeof spec !== 'string' || typeof target !== 'string') continue
    if (typeof sha256 !== 'string') continue
    const text = versionText(toolchain, toolchainVersion)
    if (text) index.set(verifiedKey(spec, target, sha256), text)
  }
  return index
}

/**
 * `Go 1.19.8` from the report's fields. The verifier writes a named version (`.NET SDK 10.0.401`);
 * a bare number (`1.19.8`) gets the toolchain id in front so readers know what it counts.
 */
function versionText(toolchain: unknown, version: unknown): string | undefined {
  const name = typeof toolchain === 'string' ? toolchain.trim() : ''
  const text = typeof version === 'string' ? version.trim() : ''
  if (!text) return name || undefined
  return /^\d/.test(text) && name ? `${name} ${text}` : text
}
