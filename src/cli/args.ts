/**
 * Command-line parsing for the `polysnip` command, on node:util's parseArgs.
 */
import { parseArgs } from 'node:util'
import { PolysnipError } from '../errors.ts'

export const USAGE = `Usage: polysnip [gen] [options]
       polysnip check [options]      (same as gen --check)
       polysnip verify [options]     (run every program for real; see verify --help)

Renders request specs into runnable programs, one per target, plus the formats that embed
them (Markdown, HTML, framework tabs, OpenAPI samples) and manifest.json.

Options:
  --config FILE     Config file. Default: polysnip.config.json (or .mjs) if present.
                    The flags below override its fields.
  --spec PATH       A spec file, or a folder of them (repeatable). Default: specs/
  --out DIR         Output folder. Default: snippets/
  --format IDS      Outputs besides the raw programs, comma-separated: md, html,
                    mdx-starlight, mdx-docusaurus, mkdocs, vitepress, openapi (needs
                    "openapi" in the config); "raw" for none. Default: all.
  --target ID       Render only this target (repeatable, or comma-separated).
  --templates DIR   A folder of extra or overriding targets (repeatable).
  --no-cache        Render and highlight every spec again, without reading or writing the
                    generation or highlight cache (.cache/polysnip/, or "genCache" and
                    "highlightCache" in the config).
  --check           Render in memory and exit 1, listing every file that differs from DIR.
  --quiet           Print errors only.
  -h, --help        Show this help.

Exit status: 0 success, 1 --check found differences, 2 bad input (nothing is written).`

export interface GenArgs {
  command: 'gen'
  specs: string[]
  /** Undefined: the config file decides. */
  out: string | undefined
  config: string | undefined
  /** Undefined: the config file decides; [] for the raw programs only. */
  formats: string[] | undefined
  targets: string[]
  templates: string[]
  check: boolean
  quiet: boolean
  /** False with --no-cache. */
  cache: boolean
}

export type CliArgs = GenArgs | { command: 'help' }

export function parseCliArgs(argv: string[]): CliArgs {
  let values
  let positionals
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        spec: { type: 'string', multiple: true },
        out: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', multiple: true },
        target: { type: 'string', multiple: true },
        templates: { type: 'string', multiple: true },
        check: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (cause) {
    throw new PolysnipError((cause as Error).message, { hint: 'run polysnip --help', cause })
  }

  const [command = 'gen', ...rest] = positionals
  if (values.help || command === 'help') return { command: 'help' }
  if (command !== 'gen' && command !== 'check') {
    throw new PolysnipError(`unknown command "${command}"`, { hint: 'commands: gen, check, verify' })
  }
  if (rest.length > 0) {
    throw new PolysnipError(`unexpected argument "${rest[0]}"`, {
      hint: 'pass spec files with --spec FILE',
    })
  }

  return {
    command: 'gen',
    specs: values.spec ?? [],
    out: values.out,
    config: values.config,
    formats: parseFormats(values.format),
    targets: (values.target ?? []).flatMap((t) => t.split(',')).filter(Boolean),
    templates: values.templates ?? [],
    check: Boolean(values.check) || command === 'check',
    quiet: Boolean(values.quiet),
    cache: !values['no-cache'],
  }
}

/** `--format md,html --format vitepress` → ids; `raw` alone means no extra format. */
function parseFormats(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined
  const ids = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)
  return ids.filter((id) => id !== 'raw')
}
