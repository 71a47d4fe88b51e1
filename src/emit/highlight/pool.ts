/**
 * Where highlighting runs. For a run with many programs it runs on a worker thread (worker.ts),
 * so that this thread renders, formats and writes one batch of specs while the worker highlights
 * the next (see generate.ts): two cores at work, and only one Shiki in memory, since this thread
 * then never loads its own. Small runs highlight here: starting a worker and compiling grammars
 * again there costs more than it saves. Each program's HTML depends only on its code and
 * language, so where it was made never changes the output.
 *
 * The worker runs only from the bundle in dist/ (a plain .js file Node can start on its own).
 * POLYSNIP_HIGHLIGHT_WORKERS=0 keeps everything on this thread; =1 uses the worker for any run
 * (the tests compare both).
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { createCodeHighlighter, type CodeHighlighter } from './highlighter.ts'

export interface Program {
  code: string
  lang: string
}

export interface WorkerRequest {
  id: number
  items: Program[]
}

export type WorkerReply = { id: number; html: string[] } | { id: number; error: string }

/** Fewer programs than this are done sooner here than a worker can start and compile grammars. */
const MIN_PROGRAMS_FOR_WORKER = 200

export class HighlightPool {
  private nextId = 0
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>()
  private local: Promise<CodeHighlighter> | undefined
  private disposed = false

  private constructor(
    private readonly langs: readonly string[],
    private worker: Worker | undefined,
  ) {
    worker?.on('message', (reply: WorkerReply) => {
      this.waiting.get(reply.id)?.(reply)
      this.waiting.delete(reply.id)
      if (this.waiting.size === 0) worker.unref()
    })
    // A worker that dies leaves its programs to this thread (see `html`).
    worker?.on('error', () => this.fail())
    worker?.on('exit', () => this.fail())
  }

  /** Highlighting for `langs`, on a worker when about `expected` programs make it worth one. */
  static async create(langs: readonly string[], expected: number): Promise<HighlightPool> {
    const pool = new HighlightPool(langs, startWorker(langs, expected))
    // Without a worker, Shiki loads now, so that an unknown language is reported at once.
    if (!pool.worker) await pool.here()
    return pool
  }

  /** The HTML of each program, in order. */
  async html(programs: readonly Program[]): Promise<string[]> {
    const fromWorker = await this.send([...programs])
    if (fromWorker) return fromWorker
    if (this.disposed) throw new Error('unreachable: highlighting after dispose')
    const local = await this.here()
    return programs.map((p) => local.html(p.code, p.lang))
  }

  async dispose(): Promise<void> {
    this.disposed = true
    const worker = this.worker
    this.worker = undefined
    await worker?.terminate()
    if (this.local) (await this.local).dispose()
  }

  /** Shiki on this thread, loaded the first time it is needed. */
  private here(): Promise<CodeHighlighter> {
    this.local ??= createCodeHighlighter(this.langs)
    return this.local
  }

  /** The worker's HTML for `items`, or undefined without a worker or when it failed. */
  private send(items: Program[]): Promise<string[] | undefined> {
    const worker = this.worker
    if (!worker) return Promise.resolve(undefined)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve('html' in reply ? reply.html : undefined))
      // Held while an answer is awaited: nothing else may keep the process running meanwhile.
      worker.ref()
      worker.postMessage({ id, items } satisfies WorkerRequest)
    })
  }

  private fail(): void {
    this.worker = undefined
    for (const answer of this.waiting.values()) answer({ id: -1, error: 'the worker stopped' })
    this.waiting.clear()
  }
}

function startWorker(langs: readonly string[], expected: number): Worker | undefined {
  const wanted = process.env.POLYSNIP_HIGHLIGHT_WORKERS
  if (wanted === '0') return undefined
  if (wanted !== '1' && (availableParallelism() < 2 || expected < MIN_PROGRAMS_FOR_WORKER)) {
    return undefined
  }
  const file = fileURLToPath(new URL('./highlight-worker.js', import.meta.url))
  if (!import.meta.url.includes('/dist/') || !existsSync(file)) return undefined
  const worker = new Worker(file, { workerData: [...langs] })
  // Idle, the worker must not keep the process alive (see `send`).
  worker.unref()
  return worker
}
