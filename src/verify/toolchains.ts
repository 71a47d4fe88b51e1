/**
 * What the verifier knows about each toolchain a target names in `run.toolchain`: how to ask its
 * version, how to install it, how to build a program once so that it can run many times, and
 * what makes it trust the test CA (idioms-and-traps.md §6).
 */
import { dirname, join } from 'node:path'
import { restoreDotnetPackages } from './dotnet-restore.ts'
import { builtCommand, removeBuild } from './dotnet-reuse.ts'
import { makeJavaArchive } from './java-archive.ts'
import { runProcess } from './process.ts'
import { TRUST_STORE_PASSWORD, type TestCa } from './tls.ts'

export interface BuildContext {
  /** Folder holding the program file. */
  dir: string
  /** Program file name, e.g. `main.go`. */
  file: string
  env: NodeJS.ProcessEnv
}

export interface Toolchain {
  id: string
  /** Name shown with the version, e.g. `Go`. */
  name: string
  /** Prints the version (on stdout or stderr). */
  probe: string[]
  /** The version text from the probe's output, or null when the toolchain is unusable. */
  parseVersion(output: string): string | null
  /** How to install it on Debian 12. */
  install: string
  /**
   * Compiles the program once, for env mode where one program serves every vector; returns the
   * command that runs the result. Without it, every run uses the target's own command.
   */
  build?(context: BuildContext): Promise<{ command: string[] } | { error: string }>
  /**
   * For a toolchain whose own command builds and caches (no `build`): after that command has
   * run once and passed, the command that starts what it built, or null to keep using it.
   */
  reuse?(context: BuildContext): string[] | null
  /** Removes what the runs left outside the program's folder, once the folder goes. */
  cleanup?(context: BuildContext): Promise<void>
  /**
   * Variables this runtime needs beyond the common ones: trust in the test CA, and settings
   * that only make builds or start-up faster.
   */
  environment?(ca: TestCa): Promise<Record<string, string>>
}

const first = (re: RegExp) => (output: string) => re.exec(output)?.[1] ?? null

async function compile(context: BuildContext, command: string, args: string[]): Promise<string | null> {
  const { dir, env } = context
  const result = await runProcess(command, args, { cwd: dir, env, timeoutMs: 180_000 })
  if (result.code === 0) return null
  const how = result.error ?? `exit ${result.code}`
  return `${command} ${args.join(' ')} failed (${how}):\n${result.stderr}${result.stdout}`
}

const APT = 'run scripts/install-toolchains.sh, or apt-get install -y'

export const toolchains: Record<string, Toolchain> = {
  go: {
    id: 'go',
    name: 'Go',
    probe: ['go', 'version'],
    parseVersion: (out) => {
      const version = first(/go version go(\S+)/)(out)
      return version ? `Go ${version}` : null
    },
    install: `${APT} golang-go`,
    // Leaving out DWARF debug information makes each link (one per inline program) about a
    // third faster; the program behaves the same.
    environment: async () => ({ GOFLAGS: '-ldflags=-w' }),
    async build(context) {
      const error = await compile(context, 'go', ['build', '-o', 'program', context.file])
      return error ? { error } : { command: [join(context.dir, 'program')] }
    },
  },
  node: {
    id: 'node',
    name: 'Node.js',
    probe: ['node', '--version'],
    parseVersion: (out) => (/^v(\d\S*)/.exec(out.trim()) ? `Node.js ${out.trim().slice(1)}` : null),
    install: `${APT} nodejs (Node.js 18 or later)`,
  },
  php: {
    id: 'php',
    name: 'PHP',
    // The programs need ext-curl; without it PHP is as good as missing.
    probe: ['php', '-r', 'echo PHP_VERSION, extension_loaded("curl") ? "" : " without ext-curl";'],
    parseVersion: (out) => (/^\d+\.\d+\.\d+$/.test(out.trim()) ? `PHP ${out.trim()}` : null),
    install: `${APT} php-cli php-curl`,
  },
  python: {
    id: 'python',
    name: 'Python',
    probe: ['python3', '--version'],
    parseVersion: first(/^(Python \d\S*)/m),
    install: `${APT} python3`,
  },
  java: {
    id: 'java',
    name: 'Java',
    probe: ['java', '-version'],
    parseVersion: (out) => {
      const version = first(/version "([^"]+)"/)(out)
      return version ? `Java ${version}` : null
    },
    install: `${APT} default-jdk-headless (Java 11 or later, with javac and keytool)`,
    async build(context) {
      const error = await compile(context, 'javac', ['-encoding', 'UTF-8', '-d', 'classes', context.file])
      const main = context.file.replace(/\.java$/, '')
      return error ? { error } : { command: ['java', '-cp', join(context.dir, 'classes'), main] }
    },
    async environment(ca) {
      // The JVM reads these options on every start, java and javac alike; it notes them on stderr.
      // TieredStopAtLevel=1, SerialGC and the class archive only shorten start-up of these
      // one-request programs.
      const store = await ca.javaTrustStore()
      const options = [
        `-Djavax.net.ssl.trustStore=${store}`,
        `-Djavax.net.ssl.trustStorePassword=${TRUST_STORE_PASSWORD}`,
        '-Djavax.net.ssl.trustStoreType=PKCS12',
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
      ]
      const archive = await makeJavaArchive(dirname(store), ca, options)
      if (archive) options.push(`-XX:SharedArchiveFile=${archive}`)
      return { JAVA_TOOL_OPTIONS: options.join(' ') }
    },
  },
  dotnet: {
    id: 'dotnet',
    name: '.NET SDK',
    probe: ['dotnet', '--version'],
    parseVersion: (out) => (/^\d+\.\d+\.\d+/.test(out.trim()) ? `.NET SDK ${out.trim()}` : null),
    install: 'install the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux-debian)',
    // No build step: `dotnet build app.cs` runs MSBuild, which costs more than it saves. In env
    // mode the first run's `dotnet run app.cs` builds, and the other runs start that build.
    reuse: ({ dir, file, env }) => builtCommand(dir, file, env),
    cleanup: ({ dir, file, env }) => removeBuild(dir, file, env),
    async environment(ca) {
      // .NET trusts the test CA through SSL_CERT_FILE (environment.ts); nothing else to set.
      await restoreDotnetPackages(dirname(ca.caFile))
      return {}
    },
  },
  curl: {
    id: 'curl',
    name: 'curl',
    probe: ['curl', '--version'],
    parseVersion: first(/^(curl \d\S*)/),
    install: `${APT} curl`,
  },
}

/** A toolchain the verifier has no entry for: probed with `<command> --version`. */
export function genericToolchain(id: string, command: string): Toolchain {
  return {
    id,
    name: id,
    probe: [command, '--version'],
    parseVersion: (out) => out.trim().split('\n')[0] || null,
    install: `install ${command}`,
  }
}

export interface ToolchainStatus {
  toolchain: Toolchain
  /** e.g. `Go 1.19.8`; null when the toolchain is missing or unusable. */
  version: string | null
  /** Why it cannot be used, with the install hint. */
  problem: string | null
}

/** Asks a toolchain for its version; a failure means every run on it is skipped. */
export async function probeToolchain(toolchain: Toolchain, cwd: string): Promise<ToolchainStatus> {
  const [command = '', ...args] = toolchain.probe
  const result = await runProcess(command, args, { cwd, timeoutMs: 60_000 })
  const version = result.code === 0 ? toolchain.parseVersion(`${result.stdout}\n${result.stderr}`) : null
  if (version) return { toolchain, version, problem: null }
  const output = (result.error ?? result.stdout + result.stderr).trim().slice(0, 200)
  const why = result.missing
    ? `${command} is not installed`
    : `"${toolchain.probe.join(' ')}" did not work: ${output}`
  return { toolchain, version: null, problem: `${toolchain.name}: ${why}; ${toolchain.install}` }
}
