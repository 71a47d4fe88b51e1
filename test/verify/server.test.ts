import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../../src/verify/server.ts'
import { createTestCa, type TestCa } from '../../src/verify/tls.ts'

let dir: string
let ca: TestCa
let server: TestServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polysnip-server-test-'))
  ca = await createTestCa(dir)
  server = await startServer({ key: ca.key, cert: ca.cert })
})

afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

function send(options: { ca?: string; body?: string; headers?: Record<string, string> }) {
  const url = new URL('/dev/v2/projects?page=1', server.baseUrl)
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(url, { method: 'POST', ca: options.ca, headers: options.headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('the test server', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(server.baseUrl).not.toMatch(/:0$/)
  })

  it('records method, path, raw header names and body bytes, and answers the set reply', async () => {
    server.reset({ status: 201, body: '{"ok":true}' })
    const res = await send({ ca: await readCa(), body: '{"a":1}', headers: { AuthoriZation: 'Basic aWQ6', 'Content-Type': 'application/json' } })
    expect(res).toMatchObject({ status: 201, body: '{"ok":true}' })
    const [recorded] = server.requests()
    expect(recorded?.method).toBe('POST')
    expect(recorded?.url).toBe('/dev/v2/projects?page=1')
    expect(recorded?.headers).toContainEqual(['AuthoriZation', 'Basic aWQ6'])
    expect(recorded?.body.toString()).toBe('{"a":1}')
  })

  it('asks for Basic credentials on a 401 and forgets requests on reset', async () => {
    server.reset({ status: 401, body: '{}' })
    expect(server.requests()).toEqual([])
    const res = await send({ ca: await readCa() })
    expect(res.status).toBe(401)
    expect(res.headers['www-authenticate']).toBe('Basic realm="polysnip-verify", charset="UTF-8"')
  })

  it('is not trusted without the throwaway CA', async () => {
    server.reset({ status: 200, body: '{}' })
    await expect(send({})).rejects.toThrow(/self.signed|unable to (get|verify)/i)
    expect(server.requests()).toEqual([])
  })

  it('refuses TLS 1.1', async () => {
    const port = Number(new URL(server.baseUrl).port)
    const error = await new Promise<Error>((resolve) => {
      // SECLEVEL=0 lets this client offer TLS 1.1, so the refusal has to come from the server.
      const socket = connect({
        host: '127.0.0.1', port, maxVersion: 'TLSv1.1', minVersion: 'TLSv1', ca: ca.cert, ciphers: 'DEFAULT@SECLEVEL=0',
      })
      socket.on('error', resolve)
      socket.on('secureConnect', () => resolve(new Error('connected')))
    })
    expect(error.message).toMatch(/alert protocol version/)
  })
})

const readCa = () => readFile(ca.caFile, 'utf8')
