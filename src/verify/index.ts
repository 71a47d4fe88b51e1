/**
 * The verifier's public API: run every generated program for real and check what it sends.
 */
export { verify, type VerifyOptions } from './verify.ts'
export type { VerifyReport } from './summary.ts'
export type { RunResult, RunStatus } from './results.ts'
export type { RejectionResult } from './rejected.ts'
export type { VerificationFile, SnippetVerification } from './report.ts'
export { writeVerification, writeReport, VERIFICATION_FILE } from './write.ts'
export {
  loadVectors, base64, basicToken, defaultVectorsFile, type Vector, type RejectedVector, type VectorSet,
} from './vectors.ts'
export { withCredentials, type CredentialMode } from './credentials.ts'
export { toolchains, type Toolchain } from './toolchains.ts'
