// Shared test helpers for the generator core.
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { Logger } from '../../src/log.ts'

/** A logger that records what it is given, for assertions on messages. */
export function memoryLogger(): Logger & { lines: string[]; text(): string } {
  const lines: string[] = []
  const logger = {
    lines,
    text: () => lines.join('\n'),
    info: (m: string) => void lines.push(`info: ${m}`),
    warn: (m: string) => void lines.push(`warn: ${m}`),
    error: (m: string) => void lines.push(`error: ${m}`),
    progress: (m: string) => void lines.push(`progress: ${m}`),
    fork: () => logger,
  }
  return logger
}

export function tempDir(prefix = 'polysnip-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

/** Every file below `dir` with its content, keyed by relative path. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    tree[relative(dir, path)] = await readFile(path, 'utf8')
  }
  return tree
}

/** The specs every built-in target is rendered from in the golden and transport tests. */
export const goldenSpecFiles = [
  ...(await readdir('specs')).map((f) => join('specs', f)),
  ...(await readdir('test/fixtures/specs')).map((f) => join('test/fixtures/specs', f)),
]
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()

// Strings aimed at each language's traps (idioms-and-traps.md §3, §5).
export const hostile = [
  '', ' ', '"', "'", '\\', '\\\\', '$', '$x', '${x}', '{$x}', '#{x}', '{0}', '{{', '}}', '%s', '%d%%',
  '`', '`${`', '\\u0022', '\\u000a', '\\\\u0022', '\\x41', '\\xA3BC', '£BC', '\\0', '\\101', '\\N{DASH}',
  '\n', '\r\n', '\t', '\0', '\x01', '\x1b[31m', '\x7f', '\u0085', '\u00a0', '\u2028', '\u2029',
  '\ufeff', '\u200b', '\u200e', '\ue000', '\ud83d\udd11', 'k🔑x', 'é', 'e\u0301', '\u{10ffff}',
  '*/', '/*', '?>', '<?php', '#', '//', '--', "'\\''", '"""', '""""x', 'a"b', "it's", '😀😀',
  'test:123£', 'Aladdin:open sesame', '0123456789abcdef'.repeat(8), '\\U0001F511', '\\\\\\u0041',
]
