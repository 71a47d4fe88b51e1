/**
 * The site's data: the generated snippets from `manifest.json`, their raw text, and which of
 * them passed verification. Read from disk on every call, so the dev server shows regenerated
 * files without a restart.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PolysnipError } from '../errors.ts'
import { silentLogger, type Logger } from '../log.ts'
import type { Manifest } from '../emit/generate.ts'
import { readVerification, verifiedKey } from './verification.ts'

export interface SiteSnippet {
  target: string
  label: string
  language: string
  shiki: string
  /** Path inside the snippets folder, e.g. `list-projects/main.go`. */
  file: string
  code: string
  /** Toolchain version it passed with, when the report covers these exact bytes. */
  verifiedWith: string | undefined
}

export interface SiteSpec {
  id: string
  title: string
  method: string
  url: string
  snippets: SiteSnippet[]
}

export interface SiteDataOptions {
  /** Folder holding manifest.json and the generated files. */
  dir: string
  /** @default silentLogger */
  logger?: Logger
}

export function loadSiteData(options: SiteDataOptions): SiteSpec[] {
  const { dir } = options
  const logger = options.logger ?? silentLogger
  const manifest = readManifest(dir)
  const verified = readVerification(dir, logger)

  return manifest.specs.map((spec) => ({
    id: spec.id,
    title: spec.title,
    method: spec.method,
    url: spec.url,
    snippets: manifest.snippets
      .filter((s) => s.spec === spec.id)
      .map((s) => {
        const code = readFileSync(join(dir, s.file), 'utf8')
        // Hash what is on disk, not what the manifest claims: a hand-edited file is unverified.
        const sha256 = createHash('sha256').update(code).digest('hex')
        return {
          target: s.target,
          label: s.label,
          language: s.language,
          shiki: s.shiki,
          file: s.file,
          code,
          verifiedWith: verified.get(verifiedKey(s.spec, s.target, sha256)),
        }
      }),
  }))
}

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json')
  if (!existsSync(file)) {
    throw new PolysnipError(`no manifest at ${file}`, {
      file,
      hint: 'run `npm run gen` to generate the snippets before building the site',
    })
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest
  } catch (cause) {
    throw new PolysnipError(`${file} is not valid JSON`, {
      file,
      hint: 'regenerate it with `npm run gen`',
      cause,
    })
  }
}
