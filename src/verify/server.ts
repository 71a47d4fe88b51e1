/**
 * The local HTTPS server programs are pointed at. It listens on 127.0.0.1 on a free port, speaks
 * TLS 1.2 or later with the throwaway leaf certificate, records every request byte for byte and
 * answers with whatever reply the verifier set for the current run.
 */
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Request target as sent: path and query. */
  url: string
  /** Header lines in the order received, names as sent. */
  headers: Array<[name: string, value: string]>
  body: Buffer
}

export interface Reply {
  status: number
  /** JSON text sent as the response body. */
  body: string
}

export interface TestServer {
  /** `https://127.0.0.1:<port>`: the base URL programs are rendered with. */
  baseUrl: string
  /** Sets the reply for the next requests and forgets the ones recorded so far. */
  reset(reply: Reply): void
  /** Requests received since the last reset. */
  requests(): RecordedRequest[]
  close(): Promise<void>
}

export interface ServerOptions {
  /** PEM private key of the leaf certificate. */
  key: string
  /** PEM leaf certificate. */
  cert: string
}

function pairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? ''])
  return out
}

export async function startServer(options: ServerOptions): Promise<TestServer> {
  let reply: Reply = { status: 500, body: '{"message":"no reply set"}' }
  let recorded: RecordedRequest[] = []

  const server: Server = createServer(
    { key: options.key, cert: options.cert, minVersion: 'TLSv1.2' },
    (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        recorded.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: pairs(req.rawHeaders),
          body: Buffer.concat(chunks),
        })
        const headers: Record<string, string> = {
          'Content-Type': 'application/json',
          Connection: 'close',
        }
        if (reply.status === 401) {
          headers['WWW-Authenticate'] = 'Basic realm="polysnip-verify", charset="UTF-8"'
        }
        res.writeHead(reply.status, headers)
        res.end(reply.body)
      })
    },
  )

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `https://127.0.0.1:${port}`,
    reset(next) {
      reply = next
      recorded = []
    },
    requests: () => [...recorded],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
