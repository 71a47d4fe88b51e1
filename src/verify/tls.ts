/**
 * A throwaway certificate authority and a leaf certificate for 127.0.0.1, made with `openssl` for
 * each verification run, plus the files each runtime needs to trust that CA (a PKCS12 trust store
 * for Java, an ini folder for PHP). Nothing is installed system-wide.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PolysnipError } from '../errors.ts'
import { runProcess } from './process.ts'

export interface TestCa {
  /** The CA certificate (PEM) that programs are told to trust. */
  caFile: string
  /** Leaf key and certificate (PEM) for the server. */
  key: string
  cert: string
  /** Folder with an ini file pointing PHP's curl and openssl at the CA (PHP_INI_SCAN_DIR). */
  phpIniDir: string
  /** An empty folder: SSL_CERT_DIR for runtimes that would otherwise add the system roots. */
  emptyCertDir: string
  /** PKCS12 trust store for Java, made on first use (keytool starts a JVM). */
  javaTrustStore(): Promise<string>
}

/** Password of the Java trust store; it guards nothing but keytool insists on one. */
export const TRUST_STORE_PASSWORD = 'changeit'

const LEAF_EXTENSIONS = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  'extendedKeyUsage=serverAuth',
  'subjectAltName=DNS:localhost,IP:127.0.0.1',
].join('\n')

async function openssl(dir: string, args: string[]): Promise<void> {
  const result = await runProcess('openssl', args, { cwd: dir, timeoutMs: 30_000 })
  if (result.code !== 0) {
    throw new PolysnipError(`openssl ${args[0]} failed: ${(result.error ?? result.stderr).trim()}`, {
      hint: result.missing
        ? 'install openssl (apt-get install -y openssl); verify makes its test CA with it'
        : 'check that openssl 1.1.1 or later is on PATH',
    })
  }
}

/** Creates the CA, the leaf and the trust files in `dir` (which must exist and be private). */
export async function createTestCa(dir: string): Promise<TestCa> {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
  await openssl(dir, [
    'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2',
    '-subj', '/CN=polysnip verify throwaway CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ])
  await openssl(dir, ['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1'])
  await writeFile(join(dir, 'leaf.ext'), `${LEAF_EXTENSIONS}\n`)
  await openssl(dir, [
    'x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '2',
    '-days', '2', '-extfile', 'leaf.ext', '-out', 'leaf.pem',
  ])

  const caFile = join(dir, 'ca.pem')
  const phpIniDir = join(dir, 'php')
  const emptyCertDir = join(dir, 'no-system-certs')
  await mkdir(phpIniDir)
  await mkdir(emptyCertDir)
  const ini = `curl.cainfo="${caFile}"\nopenssl.cafile="${caFile}"\n`
  await writeFile(join(phpIniDir, 'zz-polysnip-verify.ini'), ini)

  let trustStore: Promise<string> | undefined
  return {
    caFile,
    key: await readFile(join(dir, 'leaf.key'), 'utf8'),
    cert: await readFile(join(dir, 'leaf.pem'), 'utf8'),
    phpIniDir,
    emptyCertDir,
    javaTrustStore: () => (trustStore ??= makeTrustStore(dir, caFile)),
  }
}

async function makeTrustStore(dir: string, caFile: string): Promise<string> {
  const store = join(dir, 'ca.p12')
  const args = [
    '-importcert', '-noprompt', '-storetype', 'PKCS12', '-keystore', store,
    '-storepass', TRUST_STORE_PASSWORD, '-alias', 'polysnip-verify-ca', '-file', caFile,
  ]
  const result = await runProcess('keytool', args, { cwd: dir, timeoutMs: 60_000 })
  if (result.code !== 0) {
    throw new PolysnipError(`keytool could not make the Java trust store: ${result.stderr.trim()}`, {
      hint: 'keytool comes with the JDK (apt-get install -y default-jdk-headless)',
    })
  }
  return store
}
