/**
 * The one error type polysnip throws on purpose. Every message names what is wrong; the hint
 * says what to do about it. `file`, `line`, `column` and `field` locate the problem in a spec or
 * template when it has a place.
 */
export interface ErrorPlace {
  /** Path of the spec, template or config file, as the user gave it. */
  file?: string | undefined
  /** 1-based line in `file`. */
  line?: number | undefined
  /** 1-based column in `file`. */
  column?: number | undefined
  /** Dotted path of the spec field, e.g. `auth.username`. */
  field?: string | undefined
}

export interface PolysnipErrorOptions extends ErrorPlace {
  /** What the user can do to fix it. Shown on its own line. */
  hint?: string | undefined
  cause?: unknown
}

export class PolysnipError extends Error {
  readonly hint: string | undefined
  readonly place: ErrorPlace

  constructor(message: string, options: PolysnipErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'PolysnipError'
    this.hint = options.hint
    this.place = {
      file: options.file,
      line: options.line,
      column: options.column,
      field: options.field,
    }
  }

  /** `file:line:column: field: message` followed by an indented hint, as the CLI prints it. */
  format(): string {
    const { file, line, column, field } = this.place
    let where = file ?? ''
    if (file && line) where += `:${line}` + (column ? `:${column}` : '')
    const head = [where, field].filter(Boolean).join(': ')
    const text = head ? `${head}: ${this.message}` : this.message
    return this.hint ? `${text}\n  hint: ${this.hint}` : text
  }
}

/** Several independent problems found in one pass, so the user can fix them all at once. */
export class PolysnipErrors extends Error {
  readonly errors: PolysnipError[]

  constructor(errors: PolysnipError[]) {
    super(errors.map((e) => e.format()).join('\n'))
    this.name = 'PolysnipErrors'
    this.errors = errors
  }

  format(): string {
    return this.message
  }
}

/** Throws the collected problems, if any, as one error. */
export function throwIfAny(errors: PolysnipError[]): void {
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new PolysnipErrors(errors)
}

export function isPolysnipError(e: unknown): e is PolysnipError | PolysnipErrors {
  return e instanceof PolysnipError || e instanceof PolysnipErrors
}
