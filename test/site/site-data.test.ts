/**
 * The site's data loading on real files in a temporary folder: the manifest, the verification
 * report (shown only for the exact bytes that passed) and the header builder's vectors.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { basicHeader } from '../../src/site/basic-header.ts'
import { loadSiteData } from '../../src/site/snippet-data.ts'
import { isPolysnipError } from '../../src/errors.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const GO = 'package main\n'
const PY = 'print("hi")\n'
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

function folder(verification?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'polysnip-site-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'demo'))
  writeFileSync(join(dir, 'demo', 'main.go'), GO)
  writeFileSync(join(dir, 'demo', 'main.py'), PY)
  const snippet = (target: string, label: string, file: string, text: string) => ({
    spec: 'demo', target, language: target, label, shiki: target, file, sha256: sha(text),
  })
  const manifest = {
    version: 1,
    specs: [{ id: 'demo', title: 'Demo', method: 'GET', url: 'https://example.com/' }],
    snippets: [snippet('go', 'Go', 'demo/main.go', GO), snippet('python', 'Python', 'demo/main.py', PY)],
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest))
  if (verification !== undefined) {
    const text = typeof verification === 'string' ? verification : JSON.stringify(verification)
    writeFileSync(join(dir, 'verification.json'), text)
  }
  return dir
}

const verifiedWith = (dir: string) =>
  loadSiteData({ dir })[0]!.snippets.map((s) => [s.target, s.verifiedWith])

describe('verification report', () => {
  test('absent or unreadable: nothing is shown and nothing fails', () => {
    expect(verifiedWith(folder())).toEqual([['go', undefined], ['python', undefined]])
    expect(verifiedWith(folder('{ not json'))).toEqual([['go', undefined], ['python', undefined]])
    expect(verifiedWith(folder({ version: 2, snippets: [] }))).toEqual([['go', undefined], ['python', undefined]])
  })

  test('shown only for a passed entry whose sha256 matches the file on disk', () => {
    const dir = folder({
      version: 1,
      toolchains: { go: 'go1.19.8', python: 'Python 3.11.2' },
      snippets: [
        { spec: 'demo', target: 'go', file: 'demo/main.go', sha256: sha(GO), status: 'passed', toolchain: 'go', toolchainVersion: 'go1.19.8' },
        { spec: 'demo', target: 'python', file: 'demo/main.py', sha256: sha('old'), status: 'passed', toolchain: 'python', toolchainVersion: 'Python 3.11.2' },
      ],
    })
    expect(verifiedWith(dir)).toEqual([['go', 'go1.19.8'], ['python', undefined]])
  })

  test('a failed or skipped run is not shown', () => {
    const entry = { spec: 'demo', target: 'go', sha256: sha(GO), toolchain: 'go', toolchainVersion: 'go1.19.8' }
    expect(verifiedWith(folder({ version: 1, snippets: [{ ...entry, status: 'failed' }] }))[0]).toEqual(['go', undefined])
    expect(verifiedWith(folder({ version: 1, snippets: [{ ...entry, status: 'skipped' }] }))[0]).toEqual(['go', undefined])
  })

  test('a named version is shown as is; a bare number gets the toolchain in front', () => {
    const named = { spec: 'demo', target: 'go', sha256: sha(GO), status: 'passed', toolchain: 'dotnet' }
    const report = { version: 1, snippets: [{ ...named, toolchainVersion: '.NET SDK 10.0.401' }] }
    expect(verifiedWith(folder(report))[0]).toEqual(['go', '.NET SDK 10.0.401'])

    const entry = { spec: 'demo', target: 'go', sha256: sha(GO), status: 'passed', toolchain: 'Go', toolchainVersion: '1.19.8' }
    expect(verifiedWith(folder({ version: 1, snippets: [entry] }))[0]).toEqual(['go', 'Go 1.19.8'])
  })
})

test('a missing manifest is a PolysnipError that says how to make one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polysnip-site-'))
  dirs.push(dir)
  let error: unknown
  try {
    loadSiteData({ dir })
  } catch (e) {
    error = e
  }
  expect(isPolysnipError(error)).toBe(true)
  expect((error as { hint: string }).hint).toContain('npm run gen')
})

describe('basicHeader', () => {
  test.each([
    ['Aladdin', 'open sesame', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='],
    ['test', '123£', 'Basic dGVzdDoxMjPCow=='],
    ['user', '', 'Basic dXNlcjo='],
    ['user', 'a:b', 'Basic dXNlcjphOmI='],
  ])('%s / %s', (id, secret, value) => {
    expect(basicHeader(id, secret)).toEqual({ value, warnings: [] })
  })

  test('warns about a colon in the ID and control characters in either value', () => {
    expect(basicHeader('a:b', 'x').warnings).toHaveLength(1)
    expect(basicHeader('a\u0085', 'x\n').warnings).toEqual([
      'The customer ID contains a control character.',
      'The customer secret contains a control character.',
    ])
  })
})
