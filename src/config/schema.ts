/**
 * The shape of `polysnip.config.json`. Every path in it is relative to the config file's folder.
 * Command-line flags override the matching fields.
 */
import { z } from 'zod/v4'
import { formatIds } from '../emit/formats/index.ts'

const formatId = z.enum(formatIds as [string, ...string[]])

export const openApiConfigSchema = z.strictObject({
  document: z.string().min(1).describe('Path of the OpenAPI 3 document (YAML or JSON) to annotate.'),
  mapping: z
    .record(
      z.string(),
      z.strictObject({
        path: z.string().startsWith('/').describe('The path exactly as written under "paths".'),
        method: z.string().describe('HTTP method of the operation, e.g. "get".'),
      }),
    )
    .optional()
    .describe('Spec id → operation. Unlisted specs are matched by method and URL when one fits.'),
  out: z
    .string()
    .optional()
    .describe('Folder inside the output folder for the results. Default: "openapi".'),
  emit: z
    .array(z.enum(['overlay', 'document']))
    .optional()
    .describe('"overlay" (OpenAPI Overlay 1.0) and/or "document" (annotated copy). Default: both.'),
})

export const configSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of polysnip.config.schema.json, for editors.'),
  specs: z
    .array(z.string().min(1))
    .optional()
    .describe('Spec files, or folders whose .yaml/.yml/.json files are specs. Default: ["specs"].'),
  out: z.string().min(1).optional().describe('Output folder. Default: "snippets".'),
  targets: z
    .array(z.string().min(1))
    .optional()
    .describe('Target ids to render, in any order. Default: every target.'),
  templates: z
    .array(z.string().min(1))
    .optional()
    .describe('Folders of extra or overriding targets (target.json + template.hbs per folder).'),
  formats: z
    .array(formatId)
    .optional()
    .describe(`Outputs besides the raw programs: ${formatIds.join(', ')}. Default: all.`),
  highlightCache: z
    .union([z.string(), z.literal(false)])
    .optional()
    .describe('Folder caching highlighted code between runs, or false. Default: ".cache/polysnip/highlight".'),
  genCache: z
    .union([z.string(), z.literal(false)])
    .optional()
    .describe('Folder caching each spec\'s outputs between runs, or false. Default: ".cache/polysnip/gen".'),
  openapi: z
    .union([openApiConfigSchema, z.array(openApiConfigSchema)])
    .optional()
    .describe('OpenAPI documents to receive the snippets as x-codeSamples.'),
})

export type PolysnipConfig = z.infer<typeof configSchema>
export type OpenApiConfig = z.infer<typeof openApiConfigSchema>

/** The JSON Schema of the config file (written to polysnip.config.schema.json). */
export function configJsonSchema(): object {
  return z.toJSONSchema(configSchema, { target: 'draft-7' })
}
