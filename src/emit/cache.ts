/**
 * The generation cache: per spec file, its parsed spec, its rendered programs and every format
 * file made from them, so a spec whose inputs did not change is neither parsed nor rendered
 * again. Everything lives in a folder named by a hash of all other inputs that shape the output
 * (see `GenCache.open`), so a stale entry is never looked up. Inside it, an index per
 * verification report (cache-index.ts) holds what `generate` needs to list a spec's files, and a
 * content file per spec holds their texts, read only when a file must be written or checked.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { PolysnipError } from '../errors.ts'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import { codeFingerprint, prune } from './cache-generations.ts'
import { CacheIndex, type IndexEntry } from './cache-index.ts'
import { replaceFile } from './replace-file.ts'
import { stampOf, trusted, type FileStamp } from './file-stamp.ts'
import type { FormatFile, FormatOutput, RenderedSnippet, SpecGroup } from './formats/index.ts'
import type { VerificationReport } from './formats/verification.ts'

/** Bumped whenever the index's or a content file's shape or meaning changes. */
const CACHE_FORMAT = 4

const TEMPLATES_FILE = 'templates.json'

/** What `generate` stores for a freshly rendered spec. */
export interface RenderedSpec {
  spec: Spec
  /** Program text per target, in the targets' order. */
  codes: string[]
  /** Every format file of this spec, in the order the formats made them. */
  outputs: FormatOutput[]
  /** SHA-256 of every program, then of every format file, in the orders above. */
  hashes: string[]
}

/** What a cached spec gives back to `generate`: texts are read from the cache on first use. */
export interface CachedSpec extends RenderedSpec {
  readonly codes: string[]
}

export interface GenCacheInputs {
  targets: Target[]
  formats: readonly string[]
  /** Anything else that changes the output (config values, OpenAPI documents…), as JSON. */
  extra?: unknown
}

/** A spec file's result: from the cache, or its bytes to parse. */
export type Lookup = { spec: Spec; warnings: string[] } | { bytes: Buffer }

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Stored OpenAPI outputs when they were made under `key`; checked like content files. */
function readOpenApi(path: string, key: string): Array<FormatFile & { sha256: string }> | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { key?: unknown; outputs?: unknown }
    const outputs = data.key === key && Array.isArray(data.outputs) ? data.outputs : []
    const ok = outputs.every((o: Partial<FormatFile & { sha256: string }> | null) => {
      const { path: name, content } = o ?? {}
      return typeof name === 'string' && typeof content === 'string' && o?.sha256 === sha256(content)
    })
    return ok && outputs.length > 0 ? (outputs as Array<FormatFile & { sha256: string }>) : undefined
  } catch {
    return undefined
  }
}

/** A cached spec whose texts are read from its content file the first time one is asked for. */
class Reused implements CachedSpec {
  readonly spec: Spec
  readonly hashes: string[]
  readonly outputs: FormatOutput[]
  private texts: string[] | undefined

  constructor(
    private readonly entry: IndexEntry,
    private readonly load: (entry: IndexEntry) => string[],
  ) {
    this.spec = entry.spec
    this.hashes = entry.hashes
    const text = (i: number) => this.all()[entry.codes + i] as string
    this.outputs = entry.outputs.map((o, i) => ({ ...o, get content() { return text(i) } }))
  }

  get codes(): string[] {
    return this.all().slice(0, this.entry.codes)
  }

  code(i: number): string {
    return this.all()[i] ?? ''
  }

  private all(): string[] {
    this.texts ??= this.load(this.entry)
    return this.texts
  }
}

/** A program of a cached spec: a class, as thousands of object literals with a getter were slow. */
class CachedSnippet implements RenderedSnippet {
  constructor(
    readonly target: Target,
    readonly file: string,
    private readonly reused: Reused | undefined,
    private readonly index: number,
  ) {}

  get code(): string {
    return this.reused?.code(this.index) ?? ''
  }
}

export class GenCache {
  private readonly hits = new WeakMap<Spec, Reused>()
  private readonly misses = new Map<string, { hash: string; stamp: FileStamp; warnings: string[] }>()
  /** Every spec file this run loaded, with the hash of its bytes as found. */
  private readonly used = new Map<string, string>()

  private constructor(
    /** This generation's folder: the cache folder joined with the key of the inputs. */
    readonly dir: string,
    private readonly reportKey: string,
    private readonly index: CacheIndex,
    private readonly targetCount: number,
  ) {}

  /** A cache in `dir` for one set of targets, formats and options, and one verification report. */
  static async open(
    dir: string,
    inputs: GenCacheInputs,
    report: VerificationReport | null,
  ): Promise<GenCache> {
    const targets = inputs.targets.map((t) => ({ ...t, templateFile: undefined }))
    const code = await codeFingerprint()
    const { formats, extra = null } = inputs
    const material = JSON.stringify([CACHE_FORMAT, code, targets, formats, extra])
    const key = sha256(material).slice(0, 16)
    await prune(dir, key)
    // Output folders with different reports (snippets/ and a scratch folder) keep an index each
    // instead of replacing each other's entries.
    const reportKey = sha256(JSON.stringify(report)).slice(0, 16)
    const index = CacheIndex.read(join(dir, key, `index-${reportKey}.json`), CACHE_FORMAT)
    return new GenCache(join(dir, key), reportKey, index, inputs.targets.length)
  }

  /**
   * The cached result for a spec file, or its bytes when it must be parsed. A file whose stamp
   * is the indexed one is not even read; one that was touched is read and compared by hash.
   */
  load(file: string): Lookup {
    // The stamp is taken before the read, so an edit made in between is seen by the next run.
    const info = statSync(file, { throwIfNoEntry: false })
    const entry = this.index.get(file)
    const usable = entry !== undefined && entry.codes === this.targetCount
    if (usable && trusted(entry.stamp, info, this.index.savedAt)) {
      this.used.set(file, entry.sha256)
      return this.hit(entry)
    }

    const bytes = readFileSync(file)
    const hash = sha256(bytes)
    this.used.set(file, hash)
    const stamp = info ? stampOf(info) : undefined
    if (usable && stamp && entry.sha256 === hash) {
      this.index.restamp(file, stamp)
      return this.hit(entry)
    }
    if (stamp) this.misses.set(file, { hash, stamp, warnings: [] })
    return { bytes }
  }

  private hit(entry: IndexEntry): { spec: Spec; warnings: string[] } {
    const reused = new Reused(entry, (e) => this.readTexts(e))
    this.hits.set(reused.spec, reused)
    return { spec: reused.spec, warnings: entry.warnings }
  }

  /** Notes the warnings a parsed (missed) spec file gave, so `save` can store them. */
  parsed(file: string, warnings: string[]): void {
    const miss = this.misses.get(file)
    if (miss) miss.warnings = warnings
  }

  /** True once some spec file was not in the cache (it must be parsed and rendered). */
  get missed(): boolean {
    return this.misses.size > 0
  }

  /** What `load` found for this spec object, if it came from the cache. */
  reused(spec: Spec): CachedSpec | undefined {
    return this.hits.get(spec)
  }

  /** A cached spec as `generate` groups it; each program's text is read only if asked for. */
  group(spec: Spec, targets: Target[]): SpecGroup {
    const reused = this.hits.get(spec)
    const snippets = targets.map((target, i) => {
      return new CachedSnippet(target, `${spec.id}/${target.file}`, reused, i)
    })
    return { spec, snippets }
  }

  /** Stores a freshly rendered spec; a failure to write only costs the next run some time. */
  save(value: RenderedSpec): Promise<void> {
    const file = value.spec.source.file
    const miss = this.misses.get(file)
    if (!miss) return Promise.resolve()
    const where = sha256(`${file}\0${this.reportKey}`).slice(0, 16)
    const name = where + miss.hash.slice(0, 32)
    const blob = `${name.slice(0, 2)}/${name}.json`
    const texts = [...value.codes, ...value.outputs.map((o) => o.content)]
    if (!this.writeAtomic(join(this.dir, blob), JSON.stringify({ format: CACHE_FORMAT, texts }))) {
      return Promise.resolve()
    }
    const outputs = value.outputs.map(({ path, format, target }) => {
      return { path, format, ...(target === undefined ? {} : { target }) }
    })
    const { spec, hashes, codes } = value
    const { stamp, hash, warnings } = miss
    this.index.set(file, { stamp, sha256: hash, blob, spec, warnings, codes: codes.length, outputs, hashes })
    return Promise.resolve()
  }

  /**
   * The OpenAPI outputs for input number `n`: they depend on every spec, so they are stored under
   * a key made of every spec file's hash and reused while all of them are unchanged (the input
   * document itself is part of the generation's key). Each run keeps one stored set per input.
   */
  openApi(n: number, render: () => FormatFile[]): Array<FormatFile & { sha256: string }> {
    // The hashes of the bytes this run found, whether each spec came from the cache or not.
    const key = sha256(JSON.stringify([CACHE_FORMAT, n, [...this.used]]))
    const path = join(this.dir, `openapi-${this.reportKey}-${n}.json`)
    const stored = readOpenApi(path, key)
    if (stored) return stored
    const outputs = render().map((out) => ({ ...out, sha256: sha256(out.content) }))
    this.writeAtomic(path, JSON.stringify({ key, outputs }))
    return outputs
  }

  /** Writes the index (content files are stored by then), and drops what it no longer lists. */
  async commit(): Promise<void> {
    this.index.save(this.dir, this.used)
  }

  /** Precompiled templates saved by an earlier run under this key (see engine.ts). */
  templates(): Map<string, string> {
    try {
      const data = JSON.parse(readFileSync(join(this.dir, TEMPLATES_FILE), 'utf8')) as unknown
      const pairs = Array.isArray(data) && data.every((e) => Array.isArray(e) && e.length === 2)
      if (pairs && data.flat().every((v) => typeof v === 'string')) {
        return new Map(data as Array<[string, string]>)
      }
    } catch {
      // None yet, or unreadable: templates are compiled again.
    }
    return new Map()
  }

  /** Saves precompiled templates when they differ from what `templates()` gave. */
  async saveTemplates(known: Map<string, string>, sources: Map<string, string>): Promise<void> {
    if ([...sources].every(([text, source]) => known.get(text) === source)) return
    this.writeAtomic(join(this.dir, TEMPLATES_FILE), JSON.stringify([...sources]))
  }

  /** Synchronous, like the reads: one small file per changed spec, cheaper than thread hops. */
  private writeAtomic(path: string, text: string): boolean {
    try {
      mkdirSync(dirname(path), { recursive: true })
    } catch {
      // Read-only or full disk: the output is still right, only slower next time.
      return false
    }
    return replaceFile(path, text)
  }

  /**
   * The texts of a cached spec, checked against the hashes the index gave `generate`. Another
   * run removing the file, or damage, is reported, not papered over: the output would be wrong.
   */
  private readTexts(entry: IndexEntry): string[] {
    let texts: unknown
    try {
      const data = JSON.parse(readFileSync(join(this.dir, entry.blob), 'utf8')) as { texts?: unknown }
      texts = data.texts
    } catch {
      texts = undefined
    }
    const ok =
      Array.isArray(texts) &&
      texts.length === entry.hashes.length &&
      texts.every((t, i) => typeof t === 'string' && sha256(t) === entry.hashes[i])
    if (ok) return texts as string[]
    this.index.forget(entry.spec.source.file)
    throw new PolysnipError(`the generation cache lost the outputs of ${entry.spec.source.file}`, {
      hint: `run the command again (the entry was dropped), or pass --no-cache; cache: ${this.dir}`,
    })
  }
}
