// The docs site: Astro + Starlight, sources in site/, built into site-dist/.
// `npm run build` regenerates the snippets first; `npm run dev` regenerates them on change.
import starlight from '@astrojs/starlight'
import { defineConfig, passthroughImageService } from 'astro/config'
import { polysnipSite } from './src/site/integration.ts'
import { exampleLinks } from './src/site/sidebar.ts'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './site-dist',
  // The tests build their own copy; a separate cache keeps them clear of a concurrent build.
  cacheDir: process.env.POLYSNIP_ASTRO_CACHE || './node_modules/.astro',
  // The site has no raster images; this keeps the build free of sharp's native binary.
  image: { service: passthroughImageService() },
  // Tests, caches and build output change all the time while engineers work; a change there
  // must not reload the dev server (test fixtures even hold other astro.config files).
  vite: {
    server: {
      watch: {
        ignored: ['**/.cache/**', '**/test-output/**', '**/site-dist/**', '**/test/**', '**/bench/**'],
      },
    },
  },
  integrations: [
    starlight({
      title: 'polysnip',
      description: 'One request spec, runnable and verified programs in seven languages.',
      // Wrapped lines: a horizontally scrolling block would need its own tab stop (axe's
      // scrollable-region-focusable), which Expressive Code does not add.
      expressiveCode: { defaultProps: { wrap: true } },
      customCss: ['./src/tabs/tabs.css', './site/styles/site.css'],
      sidebar: [
        { label: 'Guides', items: [{ label: 'RESTful authentication', slug: 'authentication' }] },
        {
          label: 'Examples',
          items: [{ label: 'All examples', link: '/examples/' }, ...exampleLinks('snippets')],
        },
        {
          label: 'Using polysnip',
          items: [
            { label: 'Spec format', slug: 'polysnip/spec-format' },
            { label: 'Command line', slug: 'polysnip/cli' },
            { label: 'Adding a target', slug: 'polysnip/adding-a-target' },
            { label: 'Embedding', slug: 'polysnip/embedding' },
            { label: 'Tabs component', slug: 'polysnip/tabs-component' },
          ],
        },
      ],
    }),
    polysnipSite(),
  ],
})
