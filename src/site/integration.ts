/**
 * The docs site's Astro integration. It inlines the tabs client in every page's <head> (so the
 * saved language applies before first paint) and, in `astro dev`, regenerates the snippets when
 * a spec or template changes, then reloads the browser.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import type { AstroIntegration } from 'astro'
import { createLogger } from '../log.ts'
import { packageRoot } from '../paths.ts'
import { buildTabsClient } from '../tabs/build-client.ts'

export interface SiteIntegrationOptions {
  /**
   * Folders and files whose changes trigger `npm run gen` in dev.
   * @default ['specs', 'templates', 'polysnip.config.json']
   */
  watch?: string[]
  /**
   * Folder of the generated snippets; a change there only reloads the page.
   * @default 'snippets'
   */
  snippets?: string
}

export function polysnipSite(options: SiteIntegrationOptions = {}): AstroIntegration {
  const watched = options.watch ?? ['specs', 'templates', 'polysnip.config.json']
  const watch = watched.map((d) => resolve(packageRoot, d))
  const snippets = resolve(packageRoot, options.snippets ?? 'snippets')
  const log = createLogger({ label: 'polysnip:site' })

  return {
    name: 'polysnip-site',
    hooks: {
      'astro:config:setup': async ({ injectScript }) => {
        injectScript('head-inline', await buildTabsClient())
      },

      'astro:server:setup': ({ server }) => {
        let timer: NodeJS.Timeout | undefined
        let reloadTimer: NodeJS.Timeout | undefined
        // One generation writes many files: reload once, after the last of them.
        const reload = () => {
          clearTimeout(reloadTimer)
          reloadTimer = setTimeout(() => server.ws.send({ type: 'full-reload' }), 100)
        }

        // Editors often write a file in several steps; wait for the burst to end.
        const regenerate = (file: string) => {
          if (!watch.some((dir) => file.startsWith(dir))) return
          clearTimeout(timer)
          timer = setTimeout(() => runGen(log).then(reload), 150)
        }
        server.watcher.add([...watch, snippets])
        server.watcher.on('all', (_event, file) => {
          if (file.startsWith(snippets)) reload()
          else regenerate(file)
        })
      },
    },
  }
}

/** `npm run gen`, as a user would run it; errors are shown and the last good output stays. */
function runGen(log: ReturnType<typeof createLogger>): Promise<void> {
  log.info('a spec or template changed: regenerating snippets')
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', 'gen', '--', '--quiet'], {
      cwd: packageRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('close', (code) => {
      if (code !== 0) log.warn(`snippet generation failed (exit ${code}); fix the error above`)
      done()
    })
  })
}
