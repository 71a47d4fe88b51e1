/**
 * Command-line parsing for the `polysnip` command, on node:util's parseArgs.
 */
import { parseArgs } from 'node:util'
import { PolysnipError } from '../errors.ts'

export const USAGE = `Usage: polysnip [gen] [options]
       polysnip check [options]      (same as gen --check)

Renders request specs into runnable programs, one per target, plus manifest.json.

Options:
  --spec FILE       A spec to render (repeatable). Default: every .yaml, .yml and .json
                    file in specs/.
  --out DIR         Output folder. Default: snippets/
  --target ID       Render only this target (repeatable, or comma-separated).
  --templates DIR   A folder of extra or overriding targets (repeatable).
  --check           Render in memory and exit 1, listing every file that differs from DIR.
  --quiet           Print errors only.
  -h, --help        Show this help.

Exit status: 0 success, 1 --check found differences, 2 bad input (nothing is written).`

export interface GenArgs {
  command: 'gen'
  specs: string[]
  out: string
  targets: string[]
  templates: string[]
  check: boolean
  quiet: boolean
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
        target: { type: 'string', multiple: true },
        templates: { type: 'string', multiple: true },
        check: { type: 'boolean' },
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
    throw new PolysnipError(`unknown command "${command}"`, { hint: 'commands: gen, check' })
  }
  if (rest.length > 0) {
    throw new PolysnipError(`unexpected argument "${rest[0]}"`, {
      hint: 'pass spec files with --spec FILE',
    })
  }

  return {
    command: 'gen',
    specs: values.spec ?? [],
    out: values.out ?? 'snippets',
    targets: (values.target ?? []).flatMap((t) => t.split(',')).filter(Boolean),
    templates: values.templates ?? [],
    check: Boolean(values.check) || command === 'check',
    quiet: Boolean(values.quiet),
  }
}
