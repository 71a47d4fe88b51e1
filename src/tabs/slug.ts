/**
 * Stable keys for tab labels and `?lang=` values. Labels like `C#` and `Node.js` must give keys
 * that survive in a URL and in localStorage, and must differ from each other (`C` and `C#`).
 */
const WORDS: Record<string, string> = { '#': 'sharp', '+': 'plus' }

export function tabKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[#+]/g, (c) => WORDS[c] ?? '')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '')
}

/** Every key a `?lang=` value may use for an item: its label, its id and its language. */
export function tabAliases(item: { id: string; label: string; language: string }): string[] {
  const keys = [tabKey(item.label), tabKey(item.id), tabKey(item.language)]
  return [...new Set(keys.filter(Boolean))]
}
