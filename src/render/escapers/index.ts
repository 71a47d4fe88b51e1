/**
 * Literal escapers by name. A target's `target.json` names one in its `escaper` field; a new
 * language adds a module here.
 */
import { csharp } from './csharp.ts'
import type { Escaper } from './escaper.ts'
import { go } from './go.ts'
import { java } from './java.ts'
import { javascript } from './javascript.ts'
import { php } from './php.ts'
import { python } from './python.ts'
import { shell } from './shell.ts'

export const escapers = { csharp, go, java, javascript, php, python, shell } satisfies Record<
  string,
  Escaper
>

export type EscaperName = keyof typeof escapers

export const escaperNames = Object.keys(escapers) as EscaperName[]

export type { Escaper } from './escaper.ts'
