/**
 * A small labelled logger. Library code takes one as an option, so a host (the CLI, the Astro
 * integration, a test) decides where messages go; nothing else in polysnip prints directly.
 */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
  /** Transient progress; a terminal logger may overwrite the previous progress line. */
  progress(message: string): void
  /** A logger for a part of polysnip: `[polysnip:verify]`. */
  fork(label: string): Logger
}

export interface ConsoleLoggerOptions {
  /** @default 'polysnip' */
  label?: string
  /** Drop info and progress messages. @default false */
  quiet?: boolean
  /** Where info goes. @default process.stdout */
  out?: NodeJS.WritableStream
  /** Where warnings, errors and progress go. @default process.stderr */
  err?: NodeJS.WritableStream
}

export function createLogger(options: ConsoleLoggerOptions = {}): Logger {
  const label = options.label ?? 'polysnip'
  const quiet = options.quiet ?? false
  const out = options.out ?? process.stdout
  const err = options.err ?? process.stderr
  const prefix = `[${label}]`
  const tty = 'isTTY' in err && Boolean(err.isTTY)
  let progressShown = false

  // A progress line on a terminal is overwritten in place; it must be cleared before real output.
  const clearProgress = () => {
    if (progressShown) err.write('\r\x1b[2K')
    progressShown = false
  }

  return {
    info(message) {
      if (quiet) return
      clearProgress()
      out.write(`${prefix} ${message}\n`)
    },
    warn(message) {
      clearProgress()
      err.write(`${prefix} warning: ${message}\n`)
    },
    error(message) {
      clearProgress()
      err.write(`${prefix} ${message}\n`)
    },
    progress(message) {
      if (quiet) return
      if (!tty) return void err.write(`${prefix} ${message}\n`)
      clearProgress()
      err.write(`${prefix} ${message}`)
      progressShown = true
    },
    fork(sub) {
      return createLogger({ ...options, label: `${label}:${sub}` })
    },
  }
}

/** A logger that drops everything; the default for library calls. */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  progress() {},
  fork() {
    return silentLogger
  },
}
