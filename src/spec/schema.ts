/**
 * The request spec as users write it (YAML or JSON). This zod schema is the single source of
 * truth: the loader validates with it, and `npm run schema` turns it into `spec.schema.json`
 * for editors. Every field carries a description, which the JSON Schema keeps.
 */
import { z } from 'zod/v4'

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// RFC 9110 §5.6.2 token characters.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

export const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

const envCredential = z
  .strictObject({
    env: z
      .string()
      .regex(ENV_NAME, 'must be an environment variable name (letters, digits, "_")')
      .describe('Environment variable the program reads the value from, e.g. AGORA_CUSTOMER_ID.'),
    placeholder: z
      .string()
      .describe('Text shown to readers where the value goes, e.g. "Your customer ID".'),
  })
  .describe('Read the value from an environment variable at run time.')

const credential = z
  .union([z.string().describe('The value itself, written into the program.'), envCredential])
  .describe('A literal value, or { env, placeholder } to read it from the environment.')

const scalar = z.union([z.string(), z.number(), z.boolean()])

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.null(), scalar, z.array(jsonValue), z.record(z.string(), jsonValue)]),
)

export const specSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of spec.schema.json, for editors.'),
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits, "-"')
      .describe('Unique kebab-case id; names the output folder and the manifest entries.'),
    title: z.string().min(1).describe('Short human title, e.g. "Get all projects".'),
    description: z
      .string()
      .optional()
      .describe('What the request does; becomes the comment at the top of every program.'),
    request: z
      .strictObject({
        method: z.enum(methods).describe('HTTP method.'),
        url: z
          .string()
          .describe('Absolute http(s) URL without query or credentials, e.g. https://api.example.com/v1/items.'),
        query: z
          .record(z.string(), z.union([scalar, z.array(scalar)]))
          .optional()
          .describe('Query parameters in order; an array value repeats the parameter.'),
        headers: z
          .record(z.string().regex(TOKEN, 'must be an HTTP header name'), z.string())
          .optional()
          .describe('Request headers in order. Authorization comes from `auth`.'),
        body: z
          .strictObject({ json: jsonValue.describe('Any JSON value; sent as application/json.') })
          .optional()
          .describe('Request body. Not allowed on GET or DELETE.'),
      })
      .describe('The HTTP request every program sends.'),
    auth: z
      .strictObject({
        type: z.literal('basic').describe('HTTP Basic authentication (RFC 7617).'),
        username: credential.describe('The user-id, e.g. a customer ID. Must not contain ":".'),
        password: credential.describe('The password, e.g. a customer secret.'),
      })
      .describe('How the program authenticates.'),
    expect: z
      .strictObject({
        status: z
          .number()
          .int()
          .min(200)
          .max(299)
          .describe('The success status the API documents. @default 200'),
      })
      .optional()
      .describe('What a successful response looks like.'),
  })
  .describe('A polysnip request spec: one HTTP request, rendered as a program per target.')

export type SpecInput = z.infer<typeof specSchema>

/** JSON Schema (draft 2020-12) of the spec format, for editors and other tools. */
export function specJsonSchema(): object {
  return z.toJSONSchema(specSchema, { target: 'draft-2020-12', io: 'input' })
}
