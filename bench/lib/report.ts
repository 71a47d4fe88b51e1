/**
 * Benchmark results: rows collected by the sections, printed as a table and written as
 * Markdown to bench/RESULTS.md.
 */

export interface Row {
  /** Section heading, e.g. "Render vs httpsnippet". */
  section: string
  /** What was measured. */
  name: string
  /** The measured figure, formatted with its unit. */
  value: string
  /** The goal, formatted; empty when the row is informational. */
  goal: string
  /** Whether the goal was met; null when there is no goal or no figure. */
  ok: boolean | null
  /** How it was measured, or why it is missing. */
  note: string
}

export function verdict(ok: boolean | null): string {
  if (ok === null) return ''
  return ok ? 'met' : 'MISSED'
}

/** A plain-text table for the terminal. */
export function textTable(rows: Row[]): string {
  const header = ['section', 'measure', 'value', 'goal', '']
  const cells = rows.map((r) => [r.section, r.name, r.value, r.goal, verdict(r.ok)])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** The rows as one Markdown table per section. */
export function markdownTables(rows: Row[]): string {
  const sections = [...new Set(rows.map((r) => r.section))]
  return sections
    .map((section) => {
      const lines = rows
        .filter((r) => r.section === section)
        .map((r) => `| ${[r.name, r.value, r.goal, verdict(r.ok), r.note].map(cell).join(' | ')} |`)
      return [
        `### ${section}`,
        '',
        '| measure | value | goal | | how |',
        '| --- | --- | --- | --- | --- |',
        ...lines,
      ].join('\n')
    })
    .join('\n\n')
}
