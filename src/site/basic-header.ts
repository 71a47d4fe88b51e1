/**
 * Builds an `Authorization: Basic` value the way RFC 7617 defines it: Base64 of the UTF-8 bytes
 * of "user-id:password". Runs in the browser (the header generator) and in Node (tests), with no
 * network and no storage.
 */
export interface BasicHeader {
  /** `Basic <base64>`, the value of the Authorization request header. */
  value: string
  /** Problems RFC 7617 names, in reading order; empty when the credentials are fine. */
  warnings: string[]
}

// C0 controls, DEL and C1 controls: RFC 7617 excludes them from both user-id and password.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

export function basicHeader(userId: string, password: string): BasicHeader {
  const warnings: string[] = []
  if (userId.includes(':')) {
    warnings.push(
      'The customer ID contains ":". Basic authentication splits at the first colon, ' +
        'so the server would read a different ID.',
    )
  }
  if (CONTROL.test(userId)) warnings.push('The customer ID contains a control character.')
  if (CONTROL.test(password)) warnings.push('The customer secret contains a control character.')

  const bytes = new TextEncoder().encode(`${userId}:${password}`)
  return { value: `Basic ${base64(bytes)}`, warnings }
}

/** Standard, padded Base64 (RFC 4648 §4) of raw bytes. */
function base64(bytes: Uint8Array): string {
  // Each byte becomes one char code 0–255, which is the binary string btoa expects.
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
