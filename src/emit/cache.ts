/**
 * The generation cache: one entry per spec file, holding the parsed spec, its rendered programs
 * and every format file made from them, so a spec whose inputs did not change is neither parsed
 * nor rendered again. Entries live in a folder named by a hash of everything else that shapes
 * the output (see `GenCache.open`), so a stale entry is never looked up; an entry that cannot be
 * read as one is a miss.
 */
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Target } from '../render/targets.ts'
import type { Spec } from '../spec/model.ts'
import { codeFingerprint, prune } from './cache-generations.ts'
import type { FormatOutput } from './formats/index.ts'
import type { VerificationReport } from './formats/verification.ts'

/** Bumped whenever an entry's shape or meaning changes, so old entries are never read. */
const CACHE_FORMAT = 2

const TEMPLATES_FILE = 'templates.json'

/** What a cached spec gives back to `generate`. */
export interface CachedSpec {
  spec: Spec
  /** Program text per target, in the targets' order. */
  codes: string[]
  /** Every format file of this spec, in the order the formats made them. */
  outputs: FormatOutput[]
  /** SHA-256 of every program, then of every format file, in the orders above. */
  hashes: string[]
}

interface Hit extends CachedSpec {
  /** Warnings parsing the spec gave, shown again on every run that reuses it. */
  warnings: string[]
}

interface Entry extends Hit {
  format: number
  /** The report lines about this spec when the entry was made (they feed `verified`). */
  verification: string
}

export interface GenCacheInputs {
  targets: Target[]
  formats: readonly string[]
  /** Anything else that changes the output (config values, OpenAPI documents…), as JSON. */
  extra?: unknown
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The report lines about one spec, as the text an entry is compared by. */
function verificationOf(report: VerificationReport | null, specId: string): string {
  return JSON.stringify(report?.snippets.filter((s) => s.spec === specId) ?? [])
}

export class GenCache {
  private readonly reportKey: string
  private readonly hits = new WeakMap<Spec, CachedSpec>()
  private readonly misses = new Map<string, { bytes: Uint8Array; warnings: string[] }>()

  private constructor(
    /** This generation's folder: the cache folder joined with the key of the inputs. */
    readonly dir: string,
    private readonly report: VerificationReport | null,
  ) {
    this.reportKey = sha256(JSON.stringify(report))
  }

  /** A cache in `dir` for one set of targets, formats and options. */
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
    return new GenCache(join(dir, key), report)
  }

  private path(file: string, bytes: Uint8Array): string {
    // The report is in the name too: output folders with different reports (snippets/ and a
    // scratch folder) then keep entries side by side instead of replacing each other's.
    const where = sha256(`${file}\0${this.reportKey}`).slice(0, 16)
    const name = where + sha256(bytes).slice(0, 32)
    return join(this.dir, name.slice(0, 2), `${name}.json`)
  }

  /** The cached result for a spec file with these exact bytes, or undefined (a miss). */
  load(file: string, bytes: Uint8Array): Hit | undefined {
    const found = this.read(this.path(file, bytes))
    if (found) this.hits.set(found.spec, found)
    return found
  }

  /** Notes a spec file that was parsed, so `save` can store its result under its bytes. */
  parsed(file: string, bytes: Uint8Array, warnings: string[]): void {
    this.misses.set(file, { bytes, warnings })
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
    await this.writeAtomic(join(this.dir, TEMPLATES_FILE), JSON.stringify([...sources]))
  }

  /** True once some spec file was not in the cache (it must be parsed and rendered). */
  get missed(): boolean {
    return this.misses.size > 0
  }

  /** What `load` found for this spec object, if it came from the cache. */
  reused(spec: Spec): CachedSpec | undefined {
    return this.hits.get(spec)
  }

  /** Stores a freshly rendered spec; a failure to write only costs the next run some time. */
  async save(value: CachedSpec): Promise<void> {
    const file = value.spec.source.file
    const miss = this.misses.get(file)
    if (!miss) return
    const verification = verificationOf(this.report, value.spec.id)
    const { warnings } = miss
    const entry: Entry = { format: CACHE_FORMAT, ...value, warnings, verification }
    await this.writeAtomic(this.path(file, miss.bytes), JSON.stringify(entry))
  }

  private async writeAtomic(path: string, text: string): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true })
      const temp = `${path}.${process.pid}.${randomUUID()}.tmp`
      await writeFile(temp, text)
      await rename(temp, path)
    } catch {
      // Read-only or full disk: the output is still right, only slower next time.
    }
  }

  private read(path: string): Hit | undefined {
    let entry: Entry
    try {
      // Sync on purpose: a thousand small async reads cost several times more in thread hops.
      entry = JSON.parse(readFileSync(path, 'utf8')) as Entry
    } catch {
      return undefined
    }
    // A truncated or foreign file must be a miss, never wrong output.
    const ok =
      entry?.format === CACHE_FORMAT &&
      typeof entry.spec?.id === 'string' &&
      Array.isArray(entry.codes) &&
      entry.codes.every((c) => typeof c === 'string') &&
      Array.isArray(entry.outputs) &&
      Array.isArray(entry.warnings) &&
      Array.isArray(entry.hashes) &&
      entry.hashes.length === entry.codes.length + entry.outputs.length &&
      entry.hashes.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) &&
      entry.verification === verificationOf(this.report, entry.spec.id)
    if (!ok) return undefined
    const { spec, codes, outputs, hashes, warnings } = entry
    return { spec, codes, outputs, hashes, warnings }
  }
}
