/**
 * RFC 7617 rules for Basic credentials, checked when a spec is loaded so that no program is ever
 * generated for credentials a server cannot parse.
 */

export interface CredentialProblem {
  /** `username` or `password`. */
  part: 'username' | 'password'
  message: string
  hint: string
}

// CTL per RFC 5234: %x00-1F and %x7F.
const CONTROL = /[\u0000-\u001f\u007f]/

function describeControl(text: string): string {
  const ch = CONTROL.exec(text)?.[0] ?? ''
  const code = ch.codePointAt(0) ?? 0
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/** Problems with a user-id / password pair; an empty list means the pair may be sent. */
export function checkBasicCredentials(username: string, password: string): CredentialProblem[] {
  const problems: CredentialProblem[] = []

  if (username.includes(':')) {
    problems.push({
      part: 'username',
      message: 'must not contain ":" (RFC 7617 §2: the user-id ends at the first colon)',
      hint: 'a colon is allowed in the password only; use a user-id without ":"',
    })
  }

  for (const [part, text] of [['username', username], ['password', password]] as const) {
    if (CONTROL.test(text)) {
      problems.push({
        part,
        message: `contains the control character ${describeControl(text)} (RFC 7617 §2 forbids CTL)`,
        hint: 'remove control characters such as newlines and tabs from the credential',
      })
    }
  }

  return problems
}

/** True when the text is in Unicode Normalization Form C, as RFC 7617 §2.1 asks of UTF-8 input. */
export function isNfc(text: string): boolean {
  return text === text.normalize('NFC')
}
