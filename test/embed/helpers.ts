// Shared by the embed tests: one real generation of the default project (specs/, every target,
// every format, the OpenAPI document from polysnip.config.json), written to a temporary folder.
import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildProject, type BuildResult } from '../../src/config/project.ts'
import { writeOutput } from '../../src/emit/write.ts'

export const exec = promisify(execFile)

export function tempDir(prefix = 'polysnip-embed-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

let built: Promise<{ out: string; result: BuildResult }> | undefined

/** The default project generated once per test file, with no highlight cache. */
export function defaultBuild(): Promise<{ out: string; result: BuildResult }> {
  built ??= (async () => {
    const out = await tempDir()
    const result = await buildProject({ out })
    await writeOutput(out, result.files)
    return { out, result }
  })()
  return built
}

/** The raw programs of one spec, by target id. */
export function rawCode(result: BuildResult, spec: string): Map<string, string> {
  const entries = result.manifest.snippets.filter((s) => s.spec === spec)
  return new Map(entries.map((s) => [s.target, result.files.get(s.file) ?? '']))
}

/** Python-Markdown with pymdown-extensions (Debian's python3-pymdownx), as MkDocs Material uses. */
export const SYSTEM_PYTHON = '/usr/bin/python3'
