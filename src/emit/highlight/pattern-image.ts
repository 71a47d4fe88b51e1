/**
 * Oniguruma's compiled patterns, kept as an image of its memory beside onig.wasm.
 *
 * Compiling the 900-odd distinct patterns one spec's programs need was a third of a cold run's
 * highlighting (100–140 ms). Oniguruma is C compiled to WebAssembly: everything it compiled
 * lives in its linear memory, and pointers into that memory are plain offsets. So a fresh
 * instance that compiled patterns A, B, C is recreated by copying the pages that differ from an
 * untouched instance into another untouched instance of the same module, and the scanners'
 * pointers are valid there too. The module's only other state is two mutable globals: the stack
 * pointer, which every call leaves as it found it, and the high half of a 64-bit result, which
 * is read at once.
 *
 * The image is made by compiling only: a scanner that has searched remembers its last result
 * keyed by the id of the string it searched, and ids start again from 1 in every process.
 *
 * The file: a 4-byte length, a JSON header (format, the module's hash, the memory's size, the
 * copied page runs, each pattern with its scanner's pointer), then the runs' bytes. An image made
 * for another module, or one whose size does not add up, counts as absent: patterns are then
 * compiled as usual, and output is the same either way (only compiling is skipped).
 */
import { createHash } from 'node:crypto'
import { accessSync, closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { dirname } from 'node:path'
import type { RegexEngine } from 'shiki/core'
import { PolysnipError } from '../../errors.ts'
import { replaceFile } from '../replace-file.ts'
import type { PrecompiledPatterns } from './shared-patterns.ts'

type Scanner = ReturnType<RegexEngine['createScanner']>
type Match = ReturnType<Scanner['findNextMatchSync']>

const FORMAT = 1

/** Pages compared and copied; WebAssembly's own page is 64 KiB, but most of that is untouched. */
const PAGE = 4096

/** The exports of Shiki's Oniguruma build that this file calls. */
export interface OnigExports {
  memory: WebAssembly.Memory
  omalloc(size: number): number
  ofree(pointer: number): void
  createOnigScanner(patterns: number, lengths: number, count: number): number
  findNextOnigScannerMatch(
    scanner: number,
    stringId: number,
    string: number,
    length: number,
    start: number,
    options: number,
  ): number
}

/** What TextMate passes as a search's subject: Shiki's OnigString (public fields only). */
interface OnigString {
  id: number
  ptr: number
  utf8Length: number
  convertUtf16OffsetToUtf8(offset: number): number
  convertUtf8OffsetToUtf16(offset: number): number
}

interface Header {
  format: number
  wasm: string
  memory: number
  runs: Array<[offset: number, length: number]>
  patterns: Array<[source: string, scanner: number]>
}

/**
 * The image in `file` for one process: copied into the instance Shiki makes, and written at exit
 * when it was missing or stale and this process compiled patterns (`save`), as the build's
 * warm-up run does. Then that run's patterns are compiled once more, in a fresh instance.
 */
export class PatternImage implements PrecompiledPatterns {
  private exports: OnigExports | undefined
  private scanners: Map<string, number> | undefined
  private readonly sources: string[] = []

  constructor(
    private readonly file: string,
    private readonly wasm: Uint8Array<ArrayBuffer>,
    private readonly save: boolean,
  ) {}

  /** Given the instance Shiki made from `wasm`, before Shiki uses it. */
  restore(exports: OnigExports): void {
    this.exports = exports
    this.scanners = restoreImage(this.file, this.wasm, exports)
  }

  scanner(source: string): Scanner | undefined {
    const pointer = this.scanners?.get(source)
    return pointer === undefined ? undefined : new ImageScanner(this.exports!, pointer)
  }

  compiled(source: string): void {
    if (this.scanners || !this.save) return
    if (this.sources.push(source) === 1) process.once('exit', () => this.write())
  }

  private write(): void {
    try {
      // A read-only install compiles its patterns every run, as it did without an image.
      accessSync(dirname(this.file), constants.W_OK)
      writeImage(this.file, this.wasm, this.sources)
    } catch {
      // Nothing is lost: the image only saves time.
    }
  }
}

/** The hash an image records of the module it was made with. */
export function moduleHash(wasm: Uint8Array<ArrayBuffer>): string {
  return createHash('sha256').update(wasm).digest('hex').slice(0, 32)
}

/**
 * Copies the image in `file` into `exports`' memory, which must be untouched (just instantiated
 * from `wasm`), and returns its scanners by pattern; undefined when there is no usable image.
 * Everything is checked before the first byte is copied, so a refused image leaves the instance
 * as it was.
 */
export function restoreImage(
  file: string,
  wasm: Uint8Array<ArrayBuffer>,
  exports: OnigExports,
): Map<string, number> | undefined {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return undefined
  }
  try {
    const found = readHeader(fd, wasm)
    if (!found || !grow(exports.memory, found.header.memory)) return undefined

    // From here a failure is fatal: half an image would leave Oniguruma inconsistent.
    try {
      const bytes = new Uint8Array(exports.memory.buffer)
      let at = found.data
      for (const [offset, length] of found.header.runs) {
        if (readSync(fd, bytes, offset, length, at) !== length) throw damaged(file)
        at += length
      }
    } catch (e) {
      throw e instanceof PolysnipError ? e : damaged(file, e)
    }
    return new Map(found.header.patterns)
  } finally {
    closeSync(fd)
  }
}

/** The header of the image open as `fd` and where its data starts, if it is whole and fits. */
function readHeader(fd: number, wasm: Uint8Array<ArrayBuffer>) {
  try {
    const size = fstatSync(fd).size
    const prefix = Buffer.alloc(4)
    if (readSync(fd, prefix, 0, 4, 0) !== 4) return undefined
    const length = prefix.readUInt32LE(0)
    if (4 + length > size) return undefined
    const text = Buffer.alloc(length)
    if (readSync(fd, text, 0, length, 4) !== length) return undefined

    const header = JSON.parse(text.toString('utf8')) as Header
    if (header.format !== FORMAT || header.wasm !== moduleHash(wasm)) return undefined
    if (!Number.isInteger(header.memory) || !Array.isArray(header.runs)) return undefined
    const fits = (run: unknown) =>
      Array.isArray(run) && run.length === 2 && run.every(Number.isInteger) &&
      run[0] >= 0 && run[1] > 0 && run[0] + run[1] <= header.memory
    const entry = (p: unknown) =>
      Array.isArray(p) && typeof p[0] === 'string' && Number.isInteger(p[1])
    if (!header.runs.every(fits) || !Array.isArray(header.patterns)) return undefined
    if (!header.patterns.every(entry)) return undefined

    const total = header.runs.reduce((sum, [, bytes]) => sum + bytes, 0)
    return 4 + length + total === size ? { header, data: 4 + length } : undefined
  } catch {
    // Unreadable, or not JSON: no image.
    return undefined
  }
}

/** Grows `memory` to `size` bytes; false when it cannot (then it is left as it was). */
function grow(memory: WebAssembly.Memory, size: number): boolean {
  const missing = size - memory.buffer.byteLength
  if (missing <= 0) return true
  try {
    memory.grow(Math.ceil(missing / 65536))
    return true
  } catch {
    return false
  }
}

function damaged(file: string, cause?: unknown): PolysnipError {
  return new PolysnipError(`cannot read the compiled patterns in ${file}`, {
    hint: 'delete that file (the next run writes it again) and run the command again',
    cause,
  })
}

/**
 * Writes the image of a fresh instance of `wasm` that compiled `sources`, in that order, each as
 * a scanner of its own (a pattern Oniguruma makes no scanner of is left out). Replaced whole
 * (replace-file.ts), so a reader never sees half an image; false when it could not be written.
 */
export function writeImage(
  file: string,
  wasm: Uint8Array<ArrayBuffer>,
  sources: readonly string[],
): boolean {
  const exports = instantiate(wasm)
  const before = new Uint8Array(exports.memory.buffer).slice()

  const patterns: Header['patterns'] = []
  for (const source of new Set(sources)) {
    // Shiki encodes a lone surrogate its own way; such a pattern is left to compile at run time.
    if (Buffer.from(source, 'utf8').toString('utf8') !== source) continue
    const scanner = compile(exports, source)
    if (scanner !== 0) patterns.push([source, scanner])
  }

  const after = new Uint8Array(exports.memory.buffer)
  const runs: Header['runs'] = []
  for (let offset = 0; offset < after.length; offset += PAGE) {
    const page = after.subarray(offset, offset + PAGE)
    const was = before.subarray(offset, offset + PAGE)
    if (offset < before.length && Buffer.compare(page, was) === 0) continue
    const last = runs.at(-1)
    if (last && last[0] + last[1] === offset) last[1] += page.length
    else runs.push([offset, page.length])
  }

  const memory = after.length
  const header: Header = { format: FORMAT, wasm: moduleHash(wasm), memory, runs, patterns }
  const text = Buffer.from(JSON.stringify(header), 'utf8')
  const size = Buffer.alloc(4)
  size.writeUInt32LE(text.length, 0)
  const data = runs.map(([offset, length]) => after.subarray(offset, offset + length))
  return replaceFile(file, Buffer.concat([size, text, ...data]))
}

/** A scanner of one pattern compiled into the image, searched through Oniguruma's exports. */
export class ImageScanner implements Scanner {
  constructor(
    private readonly exports: OnigExports,
    private readonly pointer: number,
  ) {}

  findNextMatchSync(subject: unknown, start: number, options?: unknown): Match {
    // TextMate always passes strings made by the engine; `subject` is typed loosely by Shiki.
    const string = subject as OnigString
    const { exports } = this
    const result = exports.findNextOnigScannerMatch(
      this.pointer,
      string.id,
      string.ptr,
      string.utf8Length,
      string.convertUtf16OffsetToUtf8(start),
      typeof options === 'number' ? options : 0,
    )
    if (result === 0) return null

    // Read after the call: a search may grow memory, which replaces its buffer.
    const words = new Uint32Array(exports.memory.buffer, result)
    const index = words[0]!
    const captureIndices = []
    for (let i = 0; i < words[1]!; i++) {
      const from = string.convertUtf8OffsetToUtf16(words[2 + 2 * i]!)
      const to = string.convertUtf8OffsetToUtf16(words[3 + 2 * i]!)
      captureIndices.push({ start: from, end: to, length: to - from })
    }
    return { index, captureIndices }
  }
}

/** A fresh instance, with the few imports the module calls while compiling. */
function instantiate(wasm: Uint8Array<ArrayBuffer>): OnigExports {
  let memory: WebAssembly.Memory | undefined
  const env = {
    emscripten_get_now: () => performance.now(),
    emscripten_memcpy_big: (to: number, from: number, count: number) => {
      new Uint8Array(memory!.buffer).copyWithin(to, from, from + count)
    },
    emscripten_resize_heap: (size: number) => {
      memory!.grow(Math.ceil((size - memory!.buffer.byteLength) / 65536))
      return 1
    },
    fd_write: () => 0,
  }
  const module = new WebAssembly.Module(wasm)
  const instance = new WebAssembly.Instance(module, { env, wasi_snapshot_preview1: env })
  const exports = instance.exports as unknown as OnigExports
  memory = exports.memory
  return exports
}

/** Compiles one pattern as Shiki's OnigScanner does; 0 when Oniguruma makes no scanner. */
function compile(exports: OnigExports, source: string): number {
  const utf8 = Buffer.from(source, 'utf8')
  const text = exports.omalloc(utf8.length)
  const list = exports.omalloc(8)
  new Uint8Array(exports.memory.buffer).set(utf8, text)
  const words = new Uint32Array(exports.memory.buffer, list, 2)
  words[0] = text
  words[1] = utf8.length
  const scanner = exports.createOnigScanner(list, list + 4, 1)
  exports.ofree(text)
  exports.ofree(list)
  return scanner
}
