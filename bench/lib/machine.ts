/**
 * What the figures were measured on: CPU, memory, load, and the versions of Node and of every
 * toolchain the verifier runs. Missing toolchains are reported, not fatal.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memory: string
  load: string
  versions: Array<[name: string, version: string]>
}

function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8')
    return /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? 'unknown'
  } catch {
    return cpus()[0]?.model ?? 'unknown'
  }
}

/** First line of a command's output (some tools print their version on stderr). */
function firstLine(command: string, args: string[], pattern?: RegExp): string {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 })
  if (run.error || run.status !== 0) return 'not installed'
  const text = `${run.stdout}\n${run.stderr}`.trim()
  const line = text.split('\n').find((l) => l.trim()) ?? ''
  return (pattern ? pattern.exec(text)?.[0] : line.trim()) ?? line.trim()
}

function packageVersion(root: string, name: string): string {
  try {
    const file = `${root}/node_modules/${name}/package.json`
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return 'not installed'
  }
}

export function describeMachine(root: string): Machine {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    // Other engineers build and test on this machine while the benchmark runs.
    load: loadavg().map((l) => l.toFixed(2)).join(' '),
    versions: [
      ['node', process.version],
      ['npm', firstLine('npm', ['--version'])],
      ['go', firstLine('go', ['version'], /go\d+(\.\d+)+/)],
      ['php', firstLine('php', ['--version'], /PHP \S+/)],
      ['python3', firstLine('python3', ['--version'])],
      ['java', firstLine('java', ['-version'], /version "[^"]+"/)],
      ['dotnet', firstLine('dotnet', ['--version'])],
      ['curl', firstLine('curl', ['--version'], /curl \S+/)],
      ['handlebars', packageVersion(root, 'handlebars')],
      ['httpsnippet', packageVersion(root, 'httpsnippet')],
      ['shiki', packageVersion(root, 'shiki')],
      ['astro', packageVersion(root, 'astro')],
    ],
  }
}
