/**
 * A worker thread that highlights programs for pool.ts: it holds its own Shiki, grammars and
 * line cache, and answers each batch of programs with their HTML, in order.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createCodeHighlighter } from './highlighter.ts'
import type { WorkerReply, WorkerRequest } from './pool.ts'

const port = parentPort
if (!port) throw new Error('unreachable: highlight/worker.ts runs as a worker thread')

const highlighter = createCodeHighlighter(workerData as string[])
// A failure (an unknown language) is answered per request below; the main thread reports it.
highlighter.catch(() => undefined)

port.on('message', (request: WorkerRequest) => {
  highlighter
    .then((h) => {
      const html = request.items.map(({ code, lang }) => h.html(code, lang))
      port.postMessage({ id: request.id, html } satisfies WorkerReply)
    })
    .catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e)
      port.postMessage({ id: request.id, error: message } satisfies WorkerReply)
    })
})
