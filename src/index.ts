/**
 * polysnip's library API. The CLI, the site and the verifier use exactly these functions.
 */
export { PolysnipError, PolysnipErrors, isPolysnipError } from './errors.ts'
export { createLogger, silentLogger, type Logger } from './log.ts'
export { parseSpec, loadSpecFile, loadSpecs } from './spec/load.ts'
export { specSchema, specJsonSchema, type SpecInput } from './spec/schema.ts'
export type { Spec, Credential, Method } from './spec/model.ts'
export { checkBasicCredentials } from './spec/rfc7617.ts'
export { loadTargets, loadTarget, loadTargetDir, selectTargets, type Target } from './render/targets.ts'
export { renderSnippet, type RenderOptions } from './render/render.ts'
export { escapers, type Escaper } from './render/escapers/index.ts'
export { generate, sha256, type Manifest, type SnippetEntry, type Output } from './emit/generate.ts'
export { writeOutput, checkOutput, type Drift } from './emit/write.ts'
export { builtinTemplatesDir, packageRoot } from './paths.ts'
