/**
 * polysnip's library API. The CLI, the site and the verifier use exactly these functions.
 */
export { PolysnipError, PolysnipErrors, isPolysnipError } from './errors.ts'
export { createLogger, silentLogger, type Logger } from './log.ts'
export { parseSpec, loadSpecFile, loadSpecFile as loadSpec, loadSpecs } from './spec/load.ts'
export { specSchema, specJsonSchema, type SpecInput } from './spec/schema.ts'
export type { Spec, Credential, Method } from './spec/model.ts'
export { checkBasicCredentials } from './spec/rfc7617.ts'
export { loadTargets, loadTarget, loadTargetDir, selectTargets, type Target } from './render/targets.ts'
export { renderSnippet, type RenderOptions } from './render/render.ts'
export { escapers, type Escaper } from './render/escapers/index.ts'
export { renderGroups } from './emit/render-groups.ts'
export {
  generate,
  sha256,
  type GenerateOptions,
  type Manifest,
  type SnippetEntry,
  type Output,
  type OutputRef,
} from './emit/generate.ts'
export {
  formats,
  formatIds,
  defaultFormats,
  selectFormats,
  type Format,
  type FormatContext,
  type FormatFile,
  type RenderedSnippet,
  type SpecGroup,
} from './emit/formats/index.ts'
export { fence } from './emit/formats/format.ts'
export { createHighlight, type HighlightOptions } from './emit/formats/highlight.ts'
export { renderTabsMarkup } from './emit/formats/html.ts'
export { loadTabsAssets } from './emit/formats/tabs-assets.ts'
export { renderOpenApi, codeSamples, type OpenApiInput, type CodeSample } from './emit/formats/openapi.ts'
export {
  readVerification,
  verifiedBy,
  type VerificationReport,
  type Verified,
} from './emit/formats/verification.ts'
export { loadConfig, parseConfig, CONFIG_FILES, type LoadedConfig } from './config/load.ts'
export { configSchema, configJsonSchema, type PolysnipConfig } from './config/schema.ts'
export { resolveProject, type Project, type ProjectOptions } from './config/resolve.ts'
export { buildProject, type BuildOptions, type BuildResult } from './config/project.ts'
export { verify, writeVerification, type VerifyOptions, type VerifyReport } from './verify/index.ts'
export { writeOutput, checkOutput, type Drift } from './emit/write.ts'
export { builtinTemplatesDir, packageRoot } from './paths.ts'
