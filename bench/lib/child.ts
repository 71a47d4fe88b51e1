/**
 * Runs a command as a whole process and measures it from outside: wall time from spawn to exit,
 * and the peak memory and CPU time of every Node process in it (reported by
 * bench/lib/rss-probe.mjs, which NODE_OPTIONS preloads into each of them, npm included).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { msSince } from './stats.ts'

export interface ChildRun {
  /** Wall time in milliseconds. */
  ms: number
  /** Largest peak RSS among the Node processes of the run, in MB; NaN when none reported. */
  peakMb: number
  /**
   * CPU time of those processes, in milliseconds: user (polysnip's own work) and system (the
   * kernel's, mostly creating files, which on this machine's disk varies several-fold by hour).
   */
  cpu: { user: number; system: number }
  code: number | null
  stdout: string
  stderr: string
}

export interface ChildOptions {
  cwd: string
  env?: Record<string, string>
  /** @default 600000 */
  timeoutMs?: number
}

const probe = join(import.meta.dirname, 'rss-probe.mjs')

export async function runChild(command: string, args: string[], options: ChildOptions): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'polysnip-bench-rss-'))
  const rssFile = join(dir, 'rss')
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim()
  const env = { ...process.env, ...options.env, NODE_OPTIONS: nodeOptions, POLYSNIP_BENCH_RSS: rssFile }

  const start = process.hrtime.bigint()
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const ms = msSince(start)
  clearTimeout(timer)

  let peakMb = Number.NaN
  const cpu = { user: Number.NaN, system: Number.NaN }
  try {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n')
    const reports = lines.map((line) => line.split(' ').map(Number))
    peakMb = Math.max(...reports.map(([kb]) => kb ?? 0)) / 1024
    cpu.user = reports.reduce((sum, [, user]) => sum + (user ?? 0), 0) / 1000
    cpu.system = reports.reduce((sum, [, , system]) => sum + (system ?? 0), 0) / 1000
  } catch {
    // No Node process reported: the command was not Node, or it died before exiting normally.
  }
  rmSync(dir, { recursive: true, force: true })
  return { ms, peakMb, cpu, code, stdout, stderr }
}

/** Like runChild, but a non-zero exit is an error carrying the command's output. */
export async function runChecked(command: string, args: string[], options: ChildOptions): Promise<ChildRun> {
  const run = await runChild(command, args, options)
  if (run.code !== 0) {
    const output = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-15).join('\n')
    throw new Error(`${command} ${args.join(' ')} exited with ${run.code}:\n${output}`)
  }
  return run
}
