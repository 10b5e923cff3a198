import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { z } from 'zod'

// The site's CSP allows no eval: zod would probe for `new Function` once (to compile parsers), and
// the browser reports that probe as a blocked script. Jitless, zod interprets its schemas instead.
z.config({ jitless: true })

// #region schema
const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case: small letters, digits and _')

/** Where a stage's items come from and what it hands on: list pages make jobs, quote pages make rows. */
export const stageKinds = {
  list_page: { takes: null, makes: 'job' },
  quote_page: { takes: 'job', makes: 'row' },
  sink: { takes: 'row', makes: null },
} as const
export type StageKind = keyof typeof stageKinds

const queueSchema = z.strictObject({
  name,
  description: z.string().optional(),
  /** 0: unbounded. A bound makes producers wait for room (backpressure). */
  maxsize: z.int().min(0).max(1000).default(0),
})

const workerSchema = z.strictObject({
  name,
  description: z.string().optional(),
  kind: z.enum(Object.keys(stageKinds) as [StageKind, ...StageKind[]]),
  /** How many tasks (threads, in Python) run this stage. */
  instances: z.int().min(1).max(16),
  /** Requests in flight at once across the stage's instances; defaults to `instances`. */
  concurrency: z.int().min(1).max(16).optional(),
  input_queue: name.optional(),
  /** URLs a list stage starts from: this site's sample pages only. */
  input_values: z.array(z.string().regex(/^\/sample\/[\w/.?=&-]*$/, 'scrape this site only: a path that starts with /sample/')).min(1).optional(),
  output_queues: z.array(name).default([]),
  /** Extra attempts after a failed request (503, timeout, network error). */
  retries: z.int().min(0).max(5).default(0),
  /** Wait before the first retry; it doubles on every retry after that. */
  backoff_ms: z.int().min(0).max(5000).default(100),
  timeout_ms: z.int().min(100).max(30_000).default(5000),
})

export const configSchema = z
  .strictObject({
    queues: z.array(queueSchema).min(1),
    workers: z.array(workerSchema).min(1),
  })
  .superRefine(({ queues, workers }, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
    const declared = new Map<string, number>()
    queues.forEach((queue, i) => {
      if (declared.has(queue.name)) problem(['queues', i, 'name'], `queue ${queue.name} is declared twice`)
      else declared.set(queue.name, i)
    })
    const workerNames = new Set<string>()
    const readers = new Map<string, string>()
    const writers = new Map<string, StageKind>()
    workers.forEach((worker, i) => {
      const at = (...rest: (string | number)[]) => ['workers', i, ...rest]
      if (workerNames.has(worker.name)) problem(at('name'), `worker ${worker.name} is declared twice`)
      workerNames.add(worker.name)
      const kind = stageKinds[worker.kind]
      if (kind.takes === null) {
        if (worker.input_queue) problem(at('input_queue'), `a ${worker.kind} worker starts from input_values, not a queue`)
        if (!worker.input_values) problem(at('kind'), `a ${worker.kind} worker needs input_values: the pages it starts from`)
      } else {
        if (worker.input_values) problem(at('input_values'), `a ${worker.kind} worker reads its queue, not input_values`)
        if (!worker.input_queue) problem(at('kind'), `a ${worker.kind} worker needs an input_queue`)
      }
      if (kind.makes === null && worker.output_queues.length) problem(at('output_queues'), `a ${worker.kind} worker keeps what it gets: remove its output_queues`)
      if (kind.makes !== null && !worker.output_queues.length) problem(at('kind'), `a ${worker.kind} worker needs output_queues for what it makes`)
      if (worker.input_queue) {
        if (!declared.has(worker.input_queue)) problem(at('input_queue'), `no queue is named ${worker.input_queue}`)
        else if (readers.has(worker.input_queue)) {
          problem(at('input_queue'), `queue ${worker.input_queue} already feeds worker ${readers.get(worker.input_queue)}; give each stage its own queue`)
        } else readers.set(worker.input_queue, worker.name)
      }
      worker.output_queues.forEach((queue, j) => {
        if (!declared.has(queue)) problem(at('output_queues', j), `no queue is named ${queue}`)
        else if (writers.has(queue) && stageKinds[writers.get(queue)!].makes !== kind.makes) {
          problem(at('output_queues', j), `queue ${queue} would mix jobs and rows`)
        } else writers.set(queue, worker.kind)
      })
    })
    for (const [queue, i] of declared) {
      if (!writers.has(queue)) problem(['queues', i, 'name'], `no worker puts anything into queue ${queue}`)
      if (!readers.has(queue)) problem(['queues', i, 'name'], `no worker reads queue ${queue}: give one worker input_queue: ${queue}`)
    }
    workers.forEach((worker, i) => {
      const takes = stageKinds[worker.kind].takes
      const source = worker.input_queue ? writers.get(worker.input_queue) : undefined
      if (takes && source && stageKinds[source].makes !== takes) {
        problem(['workers', i, 'input_queue'], `a ${worker.kind} worker needs ${takes}s, but queue ${worker.input_queue} carries ${stageKinds[source].makes}s`)
      }
    })
    if (!workers.some((worker) => worker.kind === 'sink')) problem(['workers'], 'the pipeline needs a sink worker to collect the rows')
  })

export type PipelineConfig = z.output<typeof configSchema>
export type WorkerConfig = PipelineConfig['workers'][number]
// #endregion

export const defaultConfigYaml = `# A scraper pipeline: list page → quote pages → sink.
queues:
  - name: symbols
    description: one job per company, from the list page
  - name: rows
    description: one row per company, with its price

workers:
  - name: list
    kind: list_page
    instances: 1     # one index page: a second instance would find nothing to fetch
    input_values:
      - /sample/companies?latency=250&failures=0.1
    output_queues: [symbols]
    retries: 3

  - name: quotes
    kind: quote_page
    instances: 4
    concurrency: 4   # requests in flight at once, across the instances
    input_queue: symbols
    output_queues: [rows]
    retries: 3
    backoff_ms: 100  # doubles after every failed attempt

  - name: sink
    kind: sink
    instances: 1
    input_queue: rows
`

export type ConfigProblem = { line: number; column: number; message: string }
export type ConfigCheck = { ok: true; config: PipelineConfig } | { ok: false; problems: ConfigProblem[] }

const describe: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'a mapping of key: value',
  boolean: 'true or false',
}

/** Edit distance, for "did you mean" on a mistyped key. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}

function knownKeys(path: PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(configSchema.shape)
  if (path[0] === 'queues') return Object.keys(queueSchema.shape)
  return Object.keys(workerSchema.shape)
}

function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? `is missing; it should be ${describe[issue.expected] ?? issue.expected}`
        : `should be ${describe[issue.expected] ?? issue.expected}`
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}` : `must be at least ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'array' ? `takes at most ${issue.maximum} items` : `must be at most ${issue.maximum}`
    case 'invalid_value':
      return `must be one of ${issue.values.join(', ')}`
    case 'unrecognized_keys': {
      const [key] = issue.keys
      const near = knownKeys(issue.path).find((known) => distance(known, key!) <= 2)
      return `unknown key ${key}${near ? ` (did you mean ${near}?)` : ''}`
    }
    default:
      return issue.message
  }
}

const where = (path: PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '')

/** The offset in the text that a schema path points at: the key (or item) it names, or its nearest parent. */
function locate(contents: Node | null, path: PropertyKey[], key?: string): number {
  let node: unknown = contents
  let offset = contents?.range?.[0] ?? 0
  for (const step of key === undefined ? path : [...path, key]) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step)
      if (!pair) break
      offset = (pair.key as Node).range?.[0] ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      node = node.items[step]
      offset = (node as Node).range?.[0] ?? offset
    } else break
  }
  return offset
}

/** Parses the YAML safely (plain data, no custom tags) and checks it against the schema, with line numbers. */
export function parseConfig(text: string): ConfigCheck {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((error) => ({ ...at(error.pos[0]), message: error.message })) }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {}
  } catch (error) {
    // Too many aliases: the "billion laughs" expansion the alias limit exists to stop.
    return { ok: false, problems: [{ line: 1, column: 1, message: (error as Error).message }] }
  }
  const parsed = configSchema.safeParse(data, { reportInput: true })
  if (parsed.success) return { ok: true, config: parsed.data }
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
    const label = where(key ? [...issue.path, key] : issue.path)
    return { ...at(locate(doc.contents, issue.path, key)), message: `${label ? `${label}: ` : ''}${explain(issue)}` }
  })
  problems.sort((a, b) => a.line - b.line || a.column - b.column)
  return { ok: false, problems }
}
