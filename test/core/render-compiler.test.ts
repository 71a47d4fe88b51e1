// The template compiler against its reference, the Handlebars runtime: every built-in and fixture
// template, on every fixture spec, the benchmark's generated specs and random specs full of
// hostile strings, must give byte-identical text; then one test per semantic edge the compiler
// models, and the cases it leaves to Handlebars.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateSpecInputs, specYaml } from '../../bench/lib/spec-set.ts'
import { PolysnipError } from '../../src/errors.ts'
import { SpecText, buildContext, isPlainContext } from '../../src/render/context.ts'
import { RUNTIME_RENDERS, buildTemplates, compileTarget } from '../../src/render/engine.ts'
import { renderSnippet, tidy } from '../../src/render/render.ts'
import { loadTargets, type Target } from '../../src/render/targets.ts'
import type { Credential, Spec } from '../../src/spec/model.ts'
import { loadSpecFile, parseSpec } from '../../src/spec/load.ts'
import { goldenSpecFiles, hostile } from './helpers.ts'

const targets = await loadTargets(['test/fixtures/user-targets'])

type Outcome = { text: string } | { error: unknown }

function attempt(run: () => string): Outcome {
  try {
    return { text: run() }
  } catch (error) {
    return { error }
  }
}

const text = fc.oneof(
  fc.constantFrom(...hostile),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('API_USER', 'Content-Type', 'Your user ID', 'https://api.example.com'),
)
const credential: fc.Arbitrary<Credential> = fc.oneof(
  text.map((value) => ({ kind: 'literal' as const, value })),
  fc.record({
    kind: fc.constant('env' as const),
    env: fc.oneof(fc.constantFrom('API_USER', 'X'), text),
    placeholder: text,
  }),
)
const randomSpec: fc.Arbitrary<Spec> = fc.record({
  id: text,
  title: text,
  description: fc.option(text, { nil: null }),
  request: fc.record({
    method: fc.constantFrom('GET' as const, 'POST' as const, 'PUT' as const, 'PATCH' as const, 'DELETE' as const),
    baseUrl: text,
    path: text,
    headers: fc.array(fc.tuple(text, text), { maxLength: 4 }),
    body: fc.option(fc.record({ json: fc.jsonValue({ maxDepth: 3 }) }), { nil: null }),
  }),
  auth: fc.record({ type: fc.constant('basic' as const), username: credential, password: credential }),
  expect: fc.record({ status: fc.integer({ min: 100, max: 599 }) }),
  source: fc.constant({ file: 'random.yaml' }),
}).map((spec) => {
  // Templates print the Content-Type of a body; a spec with a body always has one.
  const { headers, body } = spec.request
  if (body) headers.push(['Content-Type', 'application/json'])
  return spec
})

const fixtureSpecs = await Promise.all(goldenSpecFiles.map((file) => loadSpecFile(file)))
const benchSpecs = generateSpecInputs(60).map((input) => parseSpec(specYaml(input), `${input.id}.yaml`))
const randomSpecs = fc.sample(randomSpec, { numRuns: 300, seed: 20261203 })

describe.each(targets.map((t) => [t.id, t] as const))('%s compiled', (_id, target) => {
  const { runtime, compiled, declined } = buildTemplates(target)

  it('is compiled, not left to the runtime', () => {
    expect(declined).toBeUndefined()
    expect(compiled).not.toBeNull()
  })

  it.each([
    ['fixture', fixtureSpecs],
    ['benchmark', benchSpecs],
  ] as const)('renders every %s spec byte for byte as Handlebars does', (_set, specs) => {
    for (const spec of specs) {
      for (const baseUrl of [undefined, 'https://127.0.0.1:8443']) {
        const context = buildContext(spec, target, { baseUrl })
        // No fallback here: valid specs must render in the compiled function itself.
        expect(compiled?.(context), spec.id).toBe(runtime(context))
        // Tidied: the compiled function skips tidy() when it has tracked that nothing would change.
        expect(compiled?.(context, true), spec.id).toBe(tidy(runtime(context)))
        // A loaded spec is plain data, which renderSnippet reads without the own-property checks.
        expect(isPlainContext(context)).toBe(true)
        expect(compiled?.(context, true, true), spec.id).toBe(tidy(runtime(context)))
      }
    }
  })

  it('agrees with Handlebars on random specs with hostile strings, errors included', () => {
    let failures = 0
    for (const spec of randomSpecs) {
      const context = buildContext(spec, target)
      const fast = attempt(() => compiled?.(context) ?? '')
      const reference = attempt(() => runtime(context))
      // Either both render the same text, or both fail (an unescapable NUL, a bad variable name).
      expect('text' in fast ? fast.text : 'failed').toBe('text' in reference ? reference.text : 'failed')
      const tidied = attempt(() => compiled?.(context, true) ?? '')
      expect('text' in tidied ? tidied.text : 'failed').toBe('text' in reference ? tidy(reference.text) : 'failed')
      expect(isPlainContext(context)).toBe(true)
      const plain = attempt(() => compiled?.(context, true, true) ?? '')
      expect('text' in plain ? plain.text : 'failed').toBe('text' in reference ? tidy(reference.text) : 'failed')
      if (!('text' in reference)) failures++
    }
    // Most random specs render; the shell refuses NUL, and env references need variable names.
    expect(failures).toBeLessThan(randomSpecs.length / 2)
    if (target.escaper === 'shell') expect(failures).toBeGreaterThan(0)
  })
})

// A target whose template is given: the go escaper, and the file name errors are reported in.
const go = targets.find((t) => t.id === 'go') as Target
let serial = 0
function target(template: string): Target {
  return { ...go, id: `t${serial++}`, template, templateFile: 'inline.hbs' }
}

/** A target's template as renderSnippet uses it, past the renders it leaves to the runtime. */
function warmed(t: Target, context: object): (context: object) => string {
  const render = compileTarget(t)
  for (let i = 0; i < RUNTIME_RENDERS; i++) attempt(() => render(context))
  return render
}

/** Both engines on one template and context, and what users get (compiled, else the runtime). */
function both(template: string, context: object) {
  const t = target(template)
  const pair = buildTemplates(t)
  const used = warmed(t, context)
  return {
    declined: pair.declined,
    compiled: attempt(() => (pair.compiled ? pair.compiled(context) : 'declined')),
    runtime: attempt(() => pair.runtime(context)),
    used: attempt(() => used(context)),
  }
}

/** Renders with both engines and expects the compiled function to print what Handlebars does. */
function same(template: string, context: object): string {
  const result = both(template, context)
  expect(result.declined).toBeUndefined()
  expect(result.compiled).toEqual(result.runtime)
  expect(result.used).toEqual(result.runtime)
  if (!('text' in result.runtime)) throw new Error('the runtime failed')
  return result.runtime.text
}

function message(outcome: Outcome): string {
  if ('text' in outcome) return `no error: ${outcome.text}`
  return outcome.error instanceof Error ? outcome.error.message : String(outcome.error)
}

describe('compiled semantics', () => {
  it('throws Handlebars\' own strict-mode error for a missing field in a mustache', () => {
    const result = both('a {{request.nope}} b', { request: { method: 'GET' } })
    expect(result.declined).toBeUndefined()
    expect('error' in result.compiled).toBe(true)
    expect(message(result.used)).toBe(message(result.runtime))
    expect(message(result.runtime)).toMatch(/^"nope" not defined in \[object Object\] - 1:/)
  })

  it('reads a missing field in a helper or block argument as undefined', () => {
    expect(same('{{#if request.nope}}yes{{else}}no{{/if}}', { request: {} })).toBe('no')
    expect(same('{{#unless request.nope}}none{{/unless}}', { request: {} })).toBe('none')
    expect(same('{{#if (eq request.nope undefined)}}eq{{/if}}', { request: {} })).toBe('eq')
  })

  it('treats an inherited property as undefined, as Handlebars\' lookupProperty does', () => {
    const context = { request: Object.assign(Object.create({ inherited: 'x' }), { own: 'y' }) }
    const result = both('{{#if request.inherited}}inherited{{else}}hidden{{/if}} {{request.own}}', context)
    expect(result.runtime).toEqual({ text: 'hidden y' })
    expect(result.used).toEqual(result.runtime)
  })

  it('follows Handlebars\' truthiness in #if and #unless', () => {
    const template = '{{#if v}}T{{else}}F{{/if}}{{#if v includeZero=true}}t{{else}}f{{/if}}{{#unless v}}u{{/unless}}'
    const values = [[], [0], {}, 0, -0, 1, '', '0', 'x', null, undefined, false, true, Number.NaN]
    const printed = values.map((v) => same(template, { v }))
    expect(printed).toEqual(['Ffu', 'Tt', 'Tt', 'Ftu', 'Ftu', 'Tt', 'Ffu', 'Tt', 'Tt', 'Ffu', 'Ffu', 'Ffu', 'Tt', 'Ffu'])
  })

  it('walks arrays and objects with @index, @key, @first, @last and this', () => {
    const template = '{{#each list}}[{{@index}} {{@key}} {{@first}} {{@last}} {{this}}]{{else}}empty{{/each}}'
    expect(same(template, { list: ['a', 'b', 'c'] })).toBe('[0 0 true false a][1 1 false false b][2 2 false true c]')
    expect(same(template, { list: { x: 1, y: 2 } })).toBe('[0 x true false 1][1 y false true 2]')
    expect(same(template, { list: [] })).toBe('empty')
    expect(same(template, { list: {} })).toBe('empty')
    expect(same(template, { list: 'abc' })).toBe('empty')
    // eslint-disable-next-line no-sparse-arrays
    expect(same(template, { list: [, 'b'] })).toBe('[1 1 false true b]')
    expect(same('{{#each list}}{{#each this}}{{@index}}{{/each}}/{{/each}}', { list: [[1, 2], [3]] })).toBe('01/0/')
  })

  it('climbs to parent contexts with ../ as Handlebars does', () => {
    const context = { title: 'T', items: [{ name: 'a', tags: ['x', 'y'] }, { name: 'b', tags: [] }] }
    const template = '{{#each items}}{{../title}}:{{name}}({{#each tags}}{{../name}}{{this}}{{/each}}){{/each}}'
    expect(same(template, context)).toBe('T:a(axay)T:b()')
    expect(same('{{#if title}}{{#with items}}{{../title}}{{/with}}{{/if}}', context)).toBe('T')
    const climb = both('{{#if title}}{{../title}}{{/if}}', context)
    expect(message(climb.used)).toBe(message(climb.runtime))
  })

  it('renders else-if chains', () => {
    const template = '{{#if (eq m "GET")}}get{{else if (eq m "PUT")}}put{{else if (or a b)}}ab{{else}}other{{/if}}'
    expect(['GET', 'PUT', 'X'].map((m) => same(template, { m, a: false, b: 0 }))).toEqual(['get', 'put', 'other'])
    expect(same(template, { m: 'X', a: false, b: 1 })).toBe('ab')
  })

  it('keeps Handlebars\' whitespace control: ~ and standalone lines', () => {
    const template = 'a\n  {{#if x}}\n  b  {{~y~}}  c\n  {{/if}}\n{{! a comment }}\nd {{~#each l}} {{this}} {{~/each}}\n'
    expect(same(template, { x: true, y: 'Y', l: [1, 2] })).toBe('a\n  bYc\nd 1 2\n')
  })

  it('prints null and undefined as nothing, and other values as Handlebars does', () => {
    const template = '[{{a}}][{{b}}][{{c}}][{{d}}][{{e}}][{{f}}][{{this.g}}]'
    const context = { a: null, b: undefined, c: 0, d: [1, [2, 3]], e: { x: 1 }, f: false, g: 'g' }
    expect(same(template, context)).toBe('[][][0][1,2,3][[object Object]][false][g]')
  })

  it('calls the helpers with subexpressions and indent=', () => {
    const spec = fixtureSpecs.find((s) => s.request.body) as Spec
    const node = targets.find((t) => t.id === 'node') as Target
    const context = buildContext(spec, node)
    const template = '{{str (concat request.method " " request.path)}}\n{{json request.body.json indent=2}}'
    const pair = buildTemplates({ ...node, id: 'helpers', template })
    expect(pair.compiled?.(context)).toBe(pair.runtime(context))
    expect(pair.compiled?.(context)).toContain('\n  }')
  })

  it('still refuses spec text printed without an escaper', () => {
    const result = both('{{spec.title}}', { spec: { title: new SpecText('x') } })
    expect('error' in result.compiled).toBe(true)
    expect(message(result.used)).toBe('spec text "x" was printed without an escaper')
    expect(message(result.runtime)).toBe(message(result.used))
    expect(message(both('{{str (concat spec.title)}}{{concat spec.title}}', { spec: { title: new SpecText('x') } }).used))
      .toBe('spec text "x" was printed without an escaper')
  })

  it('hands odd values to Handlebars: functions, null #each items', () => {
    const fn = both('{{a}}', { a: () => 'called' })
    expect(fn.runtime).toEqual({ text: 'called' })
    expect(fn.used).toEqual(fn.runtime)
    const nulls = both('{{#each l}}<{{this}}>{{/each}}', { l: [null, 'x'] })
    expect(nulls.used).toEqual(nulls.runtime)
  })
})

describe('what the compiler leaves to Handlebars', () => {
  it.each([
    ['a built-in helper it does not compile', '{{lookup request "method"}}'],
    ['block parameters', '{{#each request.headers as |h|}}{{str h.name}}{{/each}}'],
    ['an unknown hash', '{{str request.method quote=true}}'],
    ['a data variable it does not model', '{{#if @custom}}x{{/if}}{{request.method}}'],
    ['a helper called with too many arguments', '{{str request.method request.path}}'],
  ])('%s: declined at compile time, rendered by the runtime', (_what, template) => {
    const spec = fixtureSpecs[0] as Spec
    const t = target(template)
    const pair = buildTemplates(t)
    expect(pair.declined).toBeTypeOf('string')
    expect(pair.compiled).toBeNull()
    const context = buildContext(spec, t)
    expect(renderSnippet(spec, t)).toBe(tidy(pair.runtime(context)))
  })

  it('reports a helper error with the template line, after falling back', () => {
    const spec = fixtureSpecs[0] as Spec
    const t = target('line one\n{{#if request}}\n  x = {{str request.nope}}\n{{/if}}\n')
    expect(buildTemplates(t).declined).toBeUndefined()
    let error: unknown
    // The last of these renders runs the compiled function, which hands over to the runtime.
    for (let i = 0; i <= RUNTIME_RENDERS; i++) {
      try {
        renderSnippet(spec, t)
      } catch (e) {
        error = e
      }
    }
    expect(error).toBeInstanceOf(PolysnipError)
    expect((error as PolysnipError).place).toMatchObject({ file: 'inline.hbs', line: 3, column: 7 })
    expect((error as PolysnipError).message).toBe(`target "${t.id}": template failed: {{str}} needs a string, got undefined`)
  })
})

describe('tiers', () => {
  it('renders through the runtime first, then through the compiled function', () => {
    // Handlebars reads `a` at each use; the compiled function reads it once per render.
    let reads = 0
    const context = { get a() {
      reads++
      return { x: 'X' }
    } }
    const render = compileTarget(target('{{#if a.x}}{{a.x}}{{/if}}'))
    const counts: number[] = []
    for (let i = 0; i < RUNTIME_RENDERS + 3; i++) {
      reads = 0
      expect(render(context)).toBe('X')
      counts.push(reads)
    }
    expect(counts.slice(0, RUNTIME_RENDERS)).toEqual(Array(RUNTIME_RENDERS).fill(2))
    expect(counts.slice(RUNTIME_RENDERS)).toEqual([1, 1, 1])
  })
})

describe('plain contexts', () => {
  const spec = benchSpecs.find((s) => s.request.body && s.description) as Spec

  it('reads own fields directly, missing ones as undefined', () => {
    const pair = buildTemplates(target([
      '{{#if request.method.length}}n{{/if}}{{#if spec.title.value}}v{{/if}}{{#if spec.nope}}x{{/if}}',
      '{{#each request.headers}}{{#if name.value.length}}{{str name}}{{/if}}{{/each}}',
      '{{#with request.body}}{{str text}}{{/with}}{{#if request.headers.[0].name}}h{{/if}}\n',
    ].join('\n')))
    const context = buildContext(spec, go)
    expect(isPlainContext(context)).toBe(true)
    const expected = tidy(pair.runtime(context))
    expect(expected).toMatch(/^nv\n"/)
    // Called directly: a hand-over to the runtime would throw here.
    expect(pair.compiled?.(context, true, true)).toBe(expected)
  })

  it('still hides inherited fields (of objects, arrays, strings, spec text), as Handlebars does', () => {
    const t = target([
      '{{#if spec.title.constructor}}c{{/if}}{{#if request.headers.map}}m{{/if}}',
      '{{#if request.method.toLowerCase}}l{{/if}}{{#if request.body.json.value.__proto__}}p{{/if}}',
      '{{#each request.headers}}{{#if name.valueOf}}o{{/if}}{{/each}}',
      '{{#with request.body}}{{#if json.toString}}t{{/if}}{{/with}}end\n',
    ].join('\n'))
    const pair = buildTemplates(t)
    const context = buildContext(spec, t)
    const expected = tidy(pair.runtime(context))
    expect(expected).toBe('end\n')
    // Those names are never read directly: the compiled function hands them to the runtime.
    expect('error' in attempt(() => pair.compiled?.(context, true, true) ?? '')).toBe(true)
    for (let i = 0; i <= RUNTIME_RENDERS; i++) expect(renderSnippet(spec, t)).toBe(expected)
  })

  it('is not vouched for when a spec or target built by hand holds other data', () => {
    const json = { m: new Map([['size', 1]]), d: new Date(0), list: [1] }
    const odd: Spec[] = [
      { ...spec, title: 42 as unknown as string },
      { ...spec, request: { ...spec.request, body: { json } } },
      { ...spec, request: { ...spec.request, body: { json: [Object.create({ inherited: 1 })] } } },
    ]
    for (const [i, oddSpec] of odd.entries()) expect(isPlainContext(buildContext(oddSpec, go)), `${i}`).toBe(false)
    const oddTarget = { ...go, label: (() => 'x') as unknown as string }
    expect(isPlainContext(buildContext(spec, oddTarget))).toBe(false)

    // Map's size is inherited: Handlebars reads it as undefined, and so do compiled templates.
    const t = target('{{#if request.body.json.value.m.size}}size{{else}}none{{/if}}\n')
    const oddSpec = odd[1] as Spec
    const context = buildContext(oddSpec, t)
    expect(tidy(buildTemplates(t).runtime(context))).toBe('none\n')
    for (let i = 0; i <= RUNTIME_RENDERS; i++) expect(renderSnippet(oddSpec, t)).toBe('none\n')
  })
})

describe('tidy in compiled templates', () => {
  /** The compiled function's tidied text against tidy() of what Handlebars prints. */
  function tidiedSame(template: string, context: object): string {
    const pair = buildTemplates(target(template))
    expect(pair.declined).toBeUndefined()
    const tidied = pair.compiled?.(context, true)
    expect(tidied).toBe(tidy(pair.runtime(context)))
    return tidied as string
  }

  it('tidies what an empty value leaves: a trailing blank, a run of blank lines', () => {
    const template = 'a {{x}}\n\n{{y}}\n\nb\n'
    expect(tidiedSame(template, { x: 'X', y: 'Y' })).toBe('a X\n\nY\n\nb\n')
    expect(tidiedSame(template, { x: '', y: 'Y' })).toBe('a\n\nY\n\nb\n')
    expect(tidiedSame(template, { x: 'X', y: '' })).toBe('a X\n\nb\n')
    expect(tidiedSame(template, { x: null, y: undefined })).toBe('a\n\nb\n')
  })

  it('tidies what a skipped block leaves, and text at the start and end', () => {
    const template = '{{#if a}}\nA\n{{/if}}\n\n{{#if b}}\nB\n{{/if}}\n\nend{{#if c}}  {{/if}}'
    for (const [a, b, c] of [[1, 1, 1], [0, 1, 0], [1, 0, 1], [0, 0, 0]]) tidiedSame(template, { a, b, c })
    expect(tidiedSame('x\n', {})).toBe('x\n')
    expect(tidiedSame('', {})).toBe('\n')
    expect(tidiedSame('{{v}}\n', { v: '\n\nx  \ny' })).toBe('x\ny\n')
  })

  it('agrees with tidy() on random templates of blanks, line breaks and values', () => {
    const bits = [' ', '\t', '\n', '\n\n', 'x', ' \n', '\r\n', '\u2028', 'y\t']
    const piece = fc.oneof(
      fc.constantFrom(...bits),
      fc.constantFrom('{{a}}', '{{b}}', '{{c}}'),
      fc.constantFrom(...bits).map((b) => `{{#if a}}${b}{{else}}{{b}}{{/if}}`),
      fc.constantFrom(...bits).map((b) => `{{#each l}}${b}{{this}}{{/each}}`),
    )
    const value = fc.constantFrom('', ' ', '\n', 'v', 'v ', '\n\n', ' \nv', '\tv\n', '\u2029')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), value, value, value, (pieces, a, b, c) => {
        tidiedSame(pieces.join(''), { a, b, c, l: [a, b, c] })
      }),
      { numRuns: 400, seed: 11 },
    )
  })
})

describe('tidy', () => {
  // The regexes tidy() used before it searched for substrings first: the reference.
  const reference = (raw: string) => {
    const trimmed = raw.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '')
    return trimmed.replace(/\n*$/, '\n')
  }

  it('gives what the regexes give, for text made of blanks and line breaks', () => {
    const piece = fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', 'x', 'yz', '  \n')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const raw = pieces.join('')
        expect(tidy(raw)).toBe(reference(raw))
      }),
      { numRuns: 3000, seed: 7 },
    )
  })
})
