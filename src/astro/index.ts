/**
 * An Astro integration for sites other than polysnip's own: it renders the specs at build time
 * (and again in dev when a spec or template changes) and serves the tabs to the
 * `polysnip-tabs.astro` component through a virtual module.
 *
 *   integrations: [polysnip({ specs: 'specs' })]
 *   <PolysnipTabs spec="list-projects" />
 */
import type { AstroIntegration } from 'astro'
import { fileURLToPath } from 'node:url'
import type { Logger } from '../log.ts'
import { loadTabsModule, VIRTUAL_ID, type TabsModuleOptions } from './tabs-module.ts'

export type PolysnipAstroOptions = TabsModuleOptions

const RESOLVED_ID = `\0${VIRTUAL_ID}`

export default function polysnip(options: PolysnipAstroOptions = {}): AstroIntegration {
  return {
    name: 'polysnip',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root)
        const log: Logger = {
          info: (m) => logger.info(m),
          warn: (m) => logger.warn(m),
          error: (m) => logger.error(m),
          progress: () => {},
          fork: () => log,
        }
        let watched: string[] = []

        updateConfig({
          vite: {
            plugins: [
              {
                name: 'polysnip:tabs',
                resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                async load(id) {
                  if (id !== RESOLVED_ID) return undefined
                  const module = await loadTabsModule({ ...options, cwd: options.cwd ?? root }, log)
                  watched = module.watch
                  for (const file of watched) this.addWatchFile(file)
                  return module.code
                },
                // A changed spec or template re-renders the tabs and reloads the page.
                configureServer(server) {
                  server.watcher.on('change', (file) => {
                    if (!watched.some((w) => file === w || file.startsWith(`${w}/`))) return
                    const module = server.moduleGraph.getModuleById(RESOLVED_ID)
                    if (module) server.moduleGraph.invalidateModule(module)
                    server.ws.send({ type: 'full-reload' })
                  })
                },
              },
            ],
          },
        })
      },
    },
  }
}

export { polysnip }
