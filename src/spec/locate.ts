/**
 * Maps a field path (`['auth', 'username']`) to a line and column in the YAML/JSON source, so
 * every spec error can point at the place to edit.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'

export type FieldPath = ReadonlyArray<string | number>

export interface Position {
  line: number
  column: number
}

/** Turns a path into the dotted form used in messages: `request.headers.Accept`. */
export function formatPath(path: FieldPath): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join('')
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key)
}

/**
 * Finds the closest place for a path: the key of the deepest field that exists (a missing
 * field points at its parent's key; `atKey` points at the key instead of the value).
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: FieldPath,
  atKey = false,
): Position | undefined {
  let node: unknown = doc.contents
  let offset: number | undefined = rangeStart(node)

  for (const [i, step] of path.entries()) {
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(step))
      if (!pair) break
      const keyStart = rangeStart(pair.key)
      offset = last && atKey ? keyStart : rangeStart(pair.value) ?? keyStart
      // A child of a missing or null value is best shown at its key.
      if (!last) offset = keyStart ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step]
      if (item === undefined) break
      offset = rangeStart(item) ?? offset
      node = item
    } else {
      break
    }
  }

  if (offset === undefined) return undefined
  const pos = lines.linePos(offset)
  return { line: pos.line, column: pos.col }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range
  return range ? range[0] : undefined
}

/** Keys of a YAML map in source order (JS objects reorder integer-like keys). */
export function keyOrder(doc: Document, path: FieldPath): string[] {
  const node = doc.getIn(path, true)
  return isMap(node) ? node.items.map((p) => keyText(p.key)) : []
}
