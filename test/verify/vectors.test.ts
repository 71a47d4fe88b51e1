import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PolysnipError } from '../../src/errors.ts'
import { parseSpec } from '../../src/spec/load.ts'
import { withCredentials } from '../../src/verify/credentials.ts'
import { checkRejected } from '../../src/verify/rejected.ts'
import { base64, basicToken, loadVectors } from '../../src/verify/vectors.ts'
import { projectSpecs } from './helpers.ts'

const here = import.meta.dirname

describe('RFC 4648 §10 and §9 vectors', async () => {
  const { vectors } = JSON.parse(await readFile(join(here, '../vectors/rfc4648.json'), 'utf8')) as {
    vectors: Array<{ input?: string; hex?: string; base64: string }>
  }

  it.each(vectors)('encodes $input$hex as "$base64"', (v) => {
    const bytes = v.hex === undefined ? Buffer.from(v.input ?? '', 'ascii') : Buffer.from(v.hex, 'hex')
    expect(base64(bytes)).toBe(v.base64)
  })
})

describe('the credential vectors file', async () => {
  const { accepted, rejected } = await loadVectors()
  const bytes = (v: { username: string; password: string }) => Buffer.byteLength(`${v.username}:${v.password}`)
  const secrets = accepted.map((v) => `${v.username}:${v.password}`)

  it('covers every class of hostile input the issue lists', () => {
    const has = (test: (s: string) => boolean) => secrets.some(test)
    expect(has((s) => s.includes('"') && s.includes("'") && s.includes('\\'))).toBe(true)
    for (const sigil of ['$', '${', '#{', '{0}', '%s', '`']) expect(has((s) => s.includes(sigil))).toBe(true)
    expect(has((s) => s.includes('\\u0022'))).toBe(true)
    expect(has((s) => /£[A-F]/.test(s))).toBe(true)
    expect(has((s) => /[^\u0000-\u00ff]/.test(s))).toBe(true)
    expect(has((s) => /\p{Extended_Pictographic}/u.test(s))).toBe(true)
    expect(accepted.filter((v) => bytes(v) > 57).length).toBeGreaterThanOrEqual(2)
    expect(accepted.some((v) => v.password.includes(':'))).toBe(true)
    expect(accepted.some((v) => v.password === '')).toBe(true)
    expect(accepted.some((v) => /\+/.test(v.expected) && /\//.test(v.expected))).toBe(true)
    expect(accepted.filter((v) => v.printed).map((v) => v.id)).toEqual(['rfc7617-aladdin', 'rfc7617-utf8'])
  })

  it('has expected values equal to a fresh encoding', () => {
    for (const v of accepted) expect(basicToken(v.username, v.password), v.id).toBe(v.expected)
  })

  it('refuses a vector whose expected value is wrong, naming the field', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'polysnip-vectors-')), 'bad.json')
    const bad = { accepted: [{ id: 'typo', class: 'x', username: 'id', password: 'a', expected: 'aWQ6YQ' }] }
    await writeFile(file, JSON.stringify(bad))
    const error = await loadVectors(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PolysnipError)
    expect((error as PolysnipError).message).toBe('vector "typo": expected is aWQ6YQ, but the Base64 is aWQ6YQ==')
    expect((error as PolysnipError).place.field).toBe('accepted.0.expected')
  })

  it('lists forbidden vectors for both parts: a colon in the user-id and control characters', () => {
    expect(rejected.map((r) => r.part)).toContain('username')
    expect(rejected.some((r) => /[\u0000-\u001f\u007f]/.test(r.password))).toBe(true)
  })

  it('are refused by the verifier helper, each for the right part', async () => {
    const results = checkRejected(await projectSpecs(), rejected)
    expect(results.filter((r) => !r.refused)).toEqual([])
    expect(results).toHaveLength(rejected.length * 2)
  })

  it('are refused with a clear error naming the spec field', async () => {
    const [spec] = await projectSpecs()
    const colon = rejected.find((r) => r.id === 'colon-in-user-id')
    if (!spec || !colon) throw new Error('set-up')
    expect(() => withCredentials(spec, colon, 'inline')).toThrowErrorMatchingInlineSnapshot(
      `[PolysnipError: vector "colon-in-user-id": auth.username must not contain ":" (RFC 7617 §2: the user-id ends at the first colon)]`,
    )
  })

  it('are refused by the generator when written in a spec file, with file, line and field', () => {
    for (const r of rejected) {
      const yaml = [
        'id: forbidden',
        'title: Forbidden',
        'request:',
        '  method: GET',
        '  url: https://api.example.com/x',
        'auth:',
        '  type: basic',
        `  username: ${JSON.stringify(r.username)}`,
        `  password: ${JSON.stringify(r.password)}`,
        '',
      ].join('\n')
      const error = (() => {
        try {
          parseSpec(yaml, 'forbidden.yaml')
        } catch (e) {
          return e
        }
        return null
      })()
      expect(error, r.id).toBeInstanceOf(PolysnipError)
      const { place, message } = error as PolysnipError
      expect(place).toMatchObject({ file: 'forbidden.yaml', line: r.part === 'username' ? 8 : 9, field: `auth.${r.part}` })
      expect(message).toMatch(/RFC 7617 §2/)
    }
  })
})
