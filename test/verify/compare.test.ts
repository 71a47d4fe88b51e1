import { describe, expect, it } from 'vitest'
import { compareRequest, diagnoseToken, type Expectation } from '../../src/verify/compare.ts'
import type { RecordedRequest } from '../../src/verify/server.ts'
import { basicToken } from '../../src/verify/vectors.ts'

const long = { username: '0123456789abcdef0123456789abcdef', password: 'fedcba9876543210fedcba9876543210' }

function expectation(username: string, password: string, body: Expectation['body'] = null): Expectation {
  return {
    method: 'POST',
    path: '/dev/v1/project?x=%20y',
    headers: [['Accept', 'application/json']],
    body,
    auth: { username, password, tokens: [basicToken(username, password)] },
  }
}

function request(authorization: string | null, extra: Partial<RecordedRequest> = {}): RecordedRequest {
  const headers: Array<[string, string]> = [['Host', '127.0.0.1'], ['accept', 'application/json']]
  if (authorization !== null) headers.push(['authorization', authorization])
  return { method: 'POST', url: '/dev/v1/project?x=%20y', headers, body: Buffer.alloc(0), ...extra }
}

describe('compareRequest', () => {
  it('accepts the exact request, with header names in any case', () => {
    const right = `Basic ${basicToken(long.username, long.password)}`
    expect(compareRequest([request(right)], expectation(long.username, long.password))).toEqual([])
  })

  it('reports that no request arrived', () => {
    expect(compareRequest([], expectation('id', 'x'))).toEqual(['no request arrived at the server'])
  })

  it('catches a missing Authorization header', () => {
    expect(compareRequest([request(null)], expectation('id', 'x'))).toEqual([
      'header Authorization is missing (expected "Basic aWQ6eA==")',
    ])
  })

  it('catches a wrong Authorization header and shows what it decodes to', () => {
    expect(compareRequest([request('Basic aWQ6eQ==')], expectation('id', 'x'))).toEqual([
      'Authorization is "Basic aWQ6eQ==", expected "Basic aWQ6eA==" (the token decodes to "id:y" instead of "id:x")',
    ])
  })

  it('catches wrapped Base64 from a MIME encoder', () => {
    const wrapped = basicToken(long.username, long.password).replace(/(.{76})/, '$1\r\n')
    const [problem] = compareRequest([request(`Basic ${wrapped}`)], expectation(long.username, long.password))
    expect(problem).toMatch(/a line-wrapping \(MIME\) encoder\)$/)
  })

  it('catches the URL-safe alphabet', () => {
    const [problem] = compareRequest([request('Basic aWQ6fn5-Pz8_')], expectation('id', '~~~???'))
    expect(problem).toBe(
      'Authorization is "Basic aWQ6fn5-Pz8_", expected "Basic aWQ6fn5+Pz8/" (URL-safe Base64 alphabet (- and _ instead of + and /))',
    )
  })

  it('catches Latin-1 encoding', () => {
    const [problem] = compareRequest([request('Basic dGVzdDoxMjOj')], expectation('test', '123£'))
    expect(problem).toMatch(/\(encoded as Latin-1 instead of UTF-8/)
  })

  it('catches dropped padding, ASCII "?" substitution, an encoded newline and a wrong scheme', () => {
    expect(diagnoseToken('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ', 'Aladdin', 'open sesame')).toMatch(/padding dropped/)
    expect(diagnoseToken('Basic dGVzdDoxMjM/', 'test', '123£')).toMatch(/encoded as ASCII/)
    expect(diagnoseToken('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQo=', 'Aladdin', 'open sesame')).toMatch(/trailing newline/)
    expect(diagnoseToken('basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', 'Aladdin', 'open sesame')).toMatch(/the scheme is "basic"/)
  })

  it('catches a duplicated Authorization header', () => {
    const twice = request('Basic aWQ6eA==')
    twice.headers.push(['Authorization', 'Basic aWQ6eA=='])
    expect(compareRequest([twice], expectation('id', 'x'))).toEqual(['header Authorization was sent 2 times'])
  })

  it('catches a wrong method, path, missing or wrong spec header, and extra requests', () => {
    const wrong = request('Basic aWQ6eA==', { method: 'GET', url: '/dev/v1/project?x=+y' })
    wrong.headers = wrong.headers.filter(([n]) => n !== 'accept')
    expect(compareRequest([wrong, wrong], expectation('id', 'x'))).toEqual([
      '2 requests arrived; expected exactly one',
      'method is GET, expected POST',
      'path and query are "/dev/v1/project?x=+y", expected "/dev/v1/project?x=%20y"',
      'header Accept is missing (expected "application/json")',
    ])
    const accept = request('Basic aWQ6eA==')
    accept.headers[1] = ['Accept', '*/*']
    expect(compareRequest([accept], expectation('id', 'x'))).toEqual([
      'header Accept is "*/*", expected "application/json"',
    ])
  })

  it('compares JSON bodies by meaning, not bytes', () => {
    const json = { name: 'My first project', enable_sign_key: true }
    const exp = expectation('id', 'x', { json })
    const body = (text: string) => request('Basic aWQ6eA==', { body: Buffer.from(text) })
    expect(compareRequest([body('{ "enable_sign_key": true,\n "name": "My first project" }')], exp)).toEqual([])
    expect(compareRequest([body('{"name":"My first project","enable_sign_key":"true"}')], exp)).toEqual([
      'the body is {"name":"My first project","enable_sign_key":"true"}, expected JSON equal to {"name":"My first project","enable_sign_key":true}',
    ])
    expect(compareRequest([body('name=x')], exp)).toEqual(['the body is not JSON: "name=x"'])
    expect(compareRequest([request('Basic aWQ6eA==', { body: Buffer.from([0xff]) })], exp)).toEqual([
      'the body is not valid UTF-8: ff',
    ])
  })

  it('requires an empty body when the spec has none', () => {
    const sent = request('Basic aWQ6eA==', { body: Buffer.from('{}') })
    expect(compareRequest([sent], expectation('id', 'x'))).toEqual(['a body of 2 bytes was sent; expected none'])
  })
})
