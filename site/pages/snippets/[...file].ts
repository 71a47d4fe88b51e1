// Serves every generated program as a raw file under /snippets/, for the download links.
import { join } from 'node:path'
import type { APIRoute, GetStaticPaths } from 'astro'
import { packageRoot } from '../../../src/paths.ts'
import { loadSiteData } from '../../../src/site/snippet-data.ts'

export const getStaticPaths: GetStaticPaths = () =>
  loadSiteData({ dir: join(packageRoot, 'snippets') }).flatMap((spec) =>
    spec.snippets.map((s) => ({ params: { file: s.file }, props: { code: s.code } })),
  )

export const GET: APIRoute = ({ props }) =>
  new Response((props as { code: string }).code, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
