/**
 * The sidebar's "Examples" section, one link per spec in the manifest. Read when the Astro
 * config loads: a new spec appears in the sidebar after a dev-server restart (its page and
 * content update live).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface SidebarLink {
  label: string
  link: string
}

export function exampleLinks(snippetsDir: string): SidebarLink[] {
  const file = join(snippetsDir, 'manifest.json')
  // The build runs `npm run gen` first; without a manifest the pages themselves report it.
  if (!existsSync(file)) return []
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    specs: Array<{ id: string; title: string }>
  }
  return manifest.specs.map((s) => ({ label: s.title, link: `/examples/${s.id}/` }))
}
