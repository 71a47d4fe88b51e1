// verifiedBy looks snippets up in an index of the report instead of scanning it per snippet; the
// answers must stay those of a scan: the first entry for a spec and target decides.
import { describe, expect, it } from 'vitest'
import { verifiedBy, type VerificationReport } from '../../src/emit/formats/verification.ts'

const entry = (target: string, sha256: string, status = 'passed') => ({
  spec: 'list-projects',
  target,
  sha256,
  status,
  toolchain: target,
  toolchainVersion: `${target} 1.0`,
})

describe('verifiedBy', () => {
  it('answers from the first entry per spec and target, and sees entries added later', () => {
    const report = {
      version: 1,
      snippets: [entry('go', 'a'), entry('go', 'b'), entry('python', 'c', 'failed')],
    } as unknown as VerificationReport
    const ask = (target: string, sha256: string) =>
      verifiedBy(report, { spec: 'list-projects', target, sha256 })?.version

    expect(ask('go', 'a')).toBe('go 1.0')
    expect(ask('go', 'b')).toBeUndefined()
    expect(ask('python', 'c')).toBeUndefined()
    expect(ask('java', 'd')).toBeUndefined()

    report.snippets.push(entry('java', 'd') as never)
    expect(ask('java', 'd')).toBe('java 1.0')
    expect(verifiedBy(null, { spec: 'list-projects', target: 'go', sha256: 'a' })).toBeUndefined()
  })
})
