/**
 * Deliberately broken copies of the templates: each makes one of the classic Basic-auth
 * mistakes, and the verifier must fail it with a report that names the mistake.
 */
import { describe, expect, it } from 'vitest'
import type { Target } from '../../src/render/targets.ts'
import { verify } from '../../src/verify/verify.ts'
import type { CredentialMode } from '../../src/verify/credentials.ts'
import { probeToolchain, toolchains } from '../../src/verify/toolchains.ts'
import { brokenTarget, projectSpecs, strict, vectorsById } from './helpers.ts'

interface BrokenCase {
  name: string
  target: () => Promise<Target>
  vector: string
  mode: CredentialMode
  /** Text the failure report must contain. */
  report: RegExp[]
}

const cases: BrokenCase[] = [
  {
    name: 'Python base64.encodebytes (wraps and appends a newline)',
    target: () => brokenTarget('python', 'base64.b64encode((username', 'base64.encodebytes((username'),
    vector: 'long-65',
    mode: 'env',
    report: [/no request arrived at the server/, /Invalid header value/],
  },
  {
    name: 'Node.js btoa (Latin-1)',
    target: () =>
      brokenTarget('node', 'Buffer.from(username + ":" + password, "utf8").toString("base64")', 'btoa(username + ":" + password)'),
    vector: 'rfc7617-utf8',
    mode: 'inline',
    report: [/Authorization is "Basic dGVzdDoxMjOj", expected "Basic dGVzdDoxMjPCow==" \(encoded as Latin-1/],
  },
  {
    name: 'Java getMimeEncoder (inserts CRLF after 76 characters)',
    target: () => brokenTarget('java', 'Base64.getEncoder()', 'Base64.getMimeEncoder()'),
    vector: 'long-65',
    mode: 'env',
    report: [/no request arrived at the server/, /invalid header value/i],
  },
  {
    name: 'Java getUrlEncoder (URL-safe alphabet)',
    target: () => brokenTarget('java', 'Base64.getEncoder()', 'Base64.getUrlEncoder()'),
    vector: 'plus-slash',
    mode: 'inline',
    report: [/Authorization is "Basic aWQ6fn5-Pz8_", expected "Basic aWQ6fn5\+Pz8\/" \(URL-safe Base64 alphabet/],
  },
  {
    name: 'C# Encoding.Latin1',
    target: () => brokenTarget('csharp', 'Encoding.UTF8.GetBytes(username', 'Encoding.Latin1.GetBytes(username'),
    vector: 'rfc7617-utf8',
    mode: 'env',
    report: [/\(encoded as Latin-1 instead of UTF-8/],
  },
  {
    name: 'Go RawStdEncoding (no padding)',
    target: () => brokenTarget('go', 'base64.StdEncoding', 'base64.RawStdEncoding'),
    vector: 'rfc7617-aladdin',
    mode: 'inline',
    report: [/\(padding dropped/],
  },
]

describe('a deliberately broken template fails with a clear report', async () => {
  const specs = (await projectSpecs()).filter((s) => s.id === 'list-projects')

  for (const c of cases) it(c.name, { timeout: 240_000 }, async (context) => {
    const target = await c.target()
    const toolchain = toolchains[target.run.toolchain]
    const status = toolchain ? await probeToolchain(toolchain, process.cwd()) : null
    if (!status?.version) {
      if (strict) throw new Error(status?.problem ?? `no toolchain ${target.run.toolchain}`)
      context.skip(status?.problem ?? undefined)
    }

    const report = await verify({
      specs,
      targets: [target],
      vectors: await vectorsById(c.vector),
      rejected: [],
      modes: [c.mode],
      cacheDir: null,
      jobs: 1,
      keepFailed: false,
    })

    expect(report.ok).toBe(false)
    expect(report.table).toMatch(new RegExp(`^${c.vector} +FAIL$`, 'm'))
    expect(report.failures).toContain(`✖ ${target.id} · list-projects · ${c.mode} · vector ${c.vector}`)
    for (const pattern of c.report) expect(report.failures).toMatch(pattern)
  })
})
