import { mkdtemp, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import type { Logger } from '../../src/log.ts'

function recordingLogger(lines: string[]): Logger {
  const logger: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    progress: () => {},
    fork: () => logger,
  }
  return logger
}

describe('polysnip verify', () => {
  it('rejects an unknown mode as bad input (exit 2) with a hint', async () => {
    const lines: string[] = []
    expect(await main(['verify', '--mode', 'both'], recordingLogger(lines))).toBe(2)
    expect(lines).toEqual(['error: unknown mode "both"\n  hint: use --mode inline or --mode env'])
  })

  it('rejects an unknown vector id, listing the known ones', async () => {
    const lines: string[] = []
    expect(await main(['verify', '--vector', 'nope', '--target', 'node'], recordingLogger(lines))).toBe(2)
    expect(lines[0]).toMatch(/^error: unknown vector "nope"\n {2}hint: known vectors: rfc7617-aladdin, /)
  })

  it('runs part of the matrix, writes the JSON report and leaves verification.json alone', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polysnip-verify-cli-'))
    const lines: string[] = []
    const code = await main(
      ['verify', '--target', 'node', '--vector', 'rfc7617-utf8', '--no-cache', '--out', dir, '--report', join(dir, 'report.json')],
      recordingLogger(lines),
    )
    expect(code).toBe(0)
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { ok: boolean; results: unknown[] }
    expect(report.ok).toBe(true)
    expect(report.results).toHaveLength(2 * 4)
    expect(existsSync(join(dir, 'verification.json'))).toBe(false)
    expect(lines.at(-1)).toMatch(/not verification\.json: this run covered only part of the matrix/)
  })
})
