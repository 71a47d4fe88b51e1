/**
 * Highlighting on both cores: this thread and one worker thread (worker.ts) take chunks of
 * programs from one queue until it is empty. Each program's HTML depends only on its code and
 * language, never on which thread or cache made it, so the result is the same however the work
 * is split. Each thread compiles only the grammars of the programs it gets, which also shortens
 * a cold run.
 *
 * A worker costs a second Shiki (about 0.3 s of CPU and 80 MB), so it is started only for a run
 * with many programs, on a machine whose second core is idle: measured at 300 specs under a load
 * average of 6 on two cores, it made the run slower. It runs only from the bundle in dist/ (a
 * plain .js file Node can start on its own). POLYSNIP_HIGHLIGHT_WORKERS=0 turns it off, =1 starts
 * it whenever it can run (the tests compare both).
 */
import { existsSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
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

/** Chunks sent to the worker and not yet answered: one being worked on, one waiting. */
const IN_FLIGHT = 2

/** Programs per chunk: small enough that neither thread waits long for the other at the end. */
const MAX_CHUNK = 8

/** Fewer programs than this are done sooner than a worker can start and compile its grammars. */
const MIN_PROGRAMS_FOR_WORKER = 200

export class HighlightPool {
  private nextId = 0
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>()

  private constructor(
    private readonly local: CodeHighlighter,
    private worker: Worker | undefined,
  ) {
    worker?.on('message', (reply: WorkerReply) => {
      this.waiting.get(reply.id)?.(reply)
      this.waiting.delete(reply.id)
    })
    // A worker that dies leaves its chunks to this thread (see `send`).
    worker?.on('error', () => this.fail())
    worker?.on('exit', () => this.fail())
  }

  /**
   * Shiki with `langs` on this thread, and a worker when there is a second core for it and about
   * `expected` programs to share.
   */
  static async create(langs: readonly string[], expected: number): Promise<HighlightPool> {
    const worker = startWorker(langs, expected)
    try {
      return new HighlightPool(await createCodeHighlighter(langs), worker)
    } catch (e) {
      await worker?.terminate()
      throw e
    }
  }

  /** The HTML of each program, in order. */
  async html(programs: readonly Program[]): Promise<string[]> {
    const out: string[] = new Array<string>(programs.length)
    const chunk = Math.min(MAX_CHUNK, Math.max(1, Math.ceil(programs.length / 16)))
    let next = 0
    const take = (): [number, number] | undefined => {
      if (next >= programs.length) return undefined
      const range: [number, number] = [next, Math.min(programs.length, next + chunk)]
      next = range[1]
      return range
    }
    const here = ([from, to]: [number, number]) => {
      for (let i = from; i < to; i++) out[i] = this.local.html(programs[i]!.code, programs[i]!.lang)
    }

    const sent: Array<Promise<void>> = []
    let busy = 0
    const feed = () => {
      while (this.worker && busy < IN_FLIGHT) {
        const range = take()
        if (!range) return
        busy++
        const done = this.send(programs.slice(...range)).then((html) => {
          if (html) html.forEach((h, k) => (out[range[0] + k] = h))
          else here(range)
          busy--
          feed()
        })
        sent.push(done)
      }
    }

    feed()
    for (let range = take(); range; range = take()) {
      here(range)
      // Lets the worker's answers in, so that it is given more before it runs dry.
      await new Promise((resolve) => setImmediate(resolve))
      feed()
    }
    while (sent.length > 0) await Promise.all(sent.splice(0))
    return out
  }

  async dispose(): Promise<void> {
    this.local.dispose()
    const worker = this.worker
    this.worker = undefined
    await worker?.terminate()
  }

  /** The worker's HTML for `items`, or undefined when it failed (this thread does them then). */
  private send(items: Program[]): Promise<string[] | undefined> {
    const worker = this.worker
    if (!worker) return Promise.resolve(undefined)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve('html' in reply ? reply.html : undefined))
      worker.postMessage({ id, items } satisfies WorkerRequest)
    })
  }

  private fail(): void {
    if (!this.worker) return
    this.worker = undefined
    for (const answer of this.waiting.values()) answer({ id: -1, error: 'worker failed' })
    this.waiting.clear()
  }
}

function startWorker(langs: readonly string[], expected: number): Worker | undefined {
  const wanted = process.env.POLYSNIP_HIGHLIGHT_WORKERS
  if (wanted === '0') return undefined
  const cores = availableParallelism()
  const idleCore = cores >= 2 && (loadavg()[0] ?? 0) <= cores - 1
  if (wanted !== '1' && (!idleCore || expected < MIN_PROGRAMS_FOR_WORKER)) return undefined
  const file = fileURLToPath(new URL('./highlight-worker.js', import.meta.url))
  if (!import.meta.url.includes('/dist/') || !existsSync(file)) return undefined
  const worker = new Worker(file, { workerData: [...langs] })
  // The process may end while the worker still loads: it must not keep it alive.
  worker.unref()
  return worker
}
