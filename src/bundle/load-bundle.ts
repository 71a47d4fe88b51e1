/**
 * Loads a CommonJS bundle that scripts/build-lib.mjs wrote beside the `polysnip` command, with a
 * V8 code cache beside it. Compiling the bundled libraries, then compiling each function on first
 * call, was a fifth of a run that changes one spec; with the cache V8 reads both back instead.
 * Used only by the bundled command; the library entry points and the sources import the packages
 * directly. The cache is written once, when missing or rejected (V8 rejects one made by another
 * Node or with other flags), at exit, so it holds every function that run used.
 */
import { createHash } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Script } from 'node:vm'
import { threadId } from 'node:worker_threads'

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile)
  } catch {
    return undefined
  }
}

/** The exports of `name`, a bundle in this file's folder (the command's, dist/cli/). */
export function loadBundle(name: string): Record<string, unknown> {
  const file = fileURLToPath(new URL(`./${name}`, import.meta.url))
  const source = readFileSync(file, 'utf8')
  // Named by the source's hash: V8 checks a cache against the source's length only.
  const cacheFile = `${file}.${createHash('sha256').update(source).digest('hex').slice(0, 16)}.v8-cache`
  const cachedData = readCache(cacheFile)
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) })
  const module = { exports: {} as Record<string, unknown> }
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run(module.exports, createRequire(file), module, file, dirname(file))

  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        // A worker thread shares the process id, and may write the same cache at the same time.
        const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`
        writeFileSync(temp, script.createCachedData())
        renameSync(temp, cacheFile)
      } catch {
        // A read-only install: every run compiles the libraries, as without this loader.
      }
    })
  }
  return module.exports
}
