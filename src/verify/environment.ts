/**
 * The environment programs run in: the caller's, minus anything that could make a program trust
 * the wrong CA or read stale credentials, plus a UTF-8 locale and the test CA.
 */
import type { TestCa } from './tls.ts'

// Variables that choose CA certificates or inject JVM options; the verifier sets its own.
const CLEARED = [
  'SSL_CERT_FILE', 'SSL_CERT_DIR', 'NODE_EXTRA_CA_CERTS', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE',
  'PHP_INI_SCAN_DIR', 'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS', 'NODE_OPTIONS',
  'NODE_TLS_REJECT_UNAUTHORIZED', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy',
  'ALL_PROXY', 'all_proxy',
]

/**
 * The base environment. `LC_ALL=C.UTF-8` because runtimes decode environment variables and
 * arguments in the locale's charset: Java 17 under the C locale reads a non-ASCII credential
 * from the environment as "?". Users run the programs
 * in UTF-8 locales, so that is what is verified.
 */
export function baseEnvironment(credentialNames: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of [...CLEARED, ...credentialNames]) delete env[name]
  env.LC_ALL = 'C.UTF-8'
  env.LANG = 'C.UTF-8'
  env.DOTNET_NOLOGO = '1'
  env.DOTNET_CLI_TELEMETRY_OPTOUT = '1'
  return env
}

/**
 * How every runtime but Java (see toolchains.ts) is told to trust the test CA. SSL_CERT_DIR
 * points at an empty folder so that OpenSSL-based runtimes (.NET, Python) use only that CA.
 * PHP ignores the OpenSSL variables; its ini folder is added to the default scan path (":dir").
 */
export function trustEnvironment(ca: TestCa): Record<string, string> {
  return {
    SSL_CERT_FILE: ca.caFile,
    SSL_CERT_DIR: ca.emptyCertDir,
    NODE_EXTRA_CA_CERTS: ca.caFile,
    CURL_CA_BUNDLE: ca.caFile,
    REQUESTS_CA_BUNDLE: ca.caFile,
    PHP_INI_SCAN_DIR: `:${ca.phpIniDir}`,
  }
}
