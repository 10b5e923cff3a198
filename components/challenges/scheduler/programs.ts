/**
 * The programs of the scheduler challenges: what the threads share, the function each thread runs
 * (Python source; its bytecode is recorded from CPython 3.11 in bytecode.json) and the invariant
 * the learner tries to break. Where the lock goes in "place the lock" is a range of a function's
 * lines, and `withLock` writes the source that placement makes.
 */

/** What a name in the module refers to at the start: a number, or a synchronisation object. */
export type Shared =
  | { kind: 'int'; value: number }
  | { kind: 'lock' }
  | { kind: 'semaphore'; value: number; bounded: boolean }

export type ProgramId = 'visits' | 'stock' | 'transfer' | 'slots' | 'slots-bounded'

export type Program = {
  id: ProgramId
  /** The module-level code the threads share, as a learner would write it. */
  setup: string
  /** The same, as the machine's starting state (a unit test checks the two agree under CPython). */
  shared: Record<string, Shared>
  /** One function per thread, by thread name (T1, T2, …); threads may share a function. */
  threads: readonly { name: string; source: string }[]
  /** The global the invariant is about, shown first. */
  watch: string
}

const buy = `def buy():
    global stock
    if stock > 0:
        print("buying; stock is", stock)
        stock -= 1
`

const visit = `def visit():
    global visits
    n = visits + 1
    print("visitor number", n)
    visits = n
`

const download = `def download():
    global inside
    with slots:
        inside += 1
        print("downloading;", inside, "inside")
        inside -= 1
    slots.release()  # left over from the acquire()/release() version
`

const transfer = (me: string, first: string, second: string) => `def transfer_${me}():
    with ${first}:
        print("T${me} holds ${first}")
        with ${second}:
            print("T${me} moves the money")
`

const slots = (bounded: boolean): Program => ({
  id: bounded ? 'slots-bounded' : 'slots',
  setup: `import threading\n\ninside = 0\nslots = threading.${bounded ? 'BoundedSemaphore' : 'Semaphore'}(1)\n`,
  shared: { inside: { kind: 'int', value: 0 }, slots: { kind: 'semaphore', value: 1, bounded } },
  threads: ['T1', 'T2', 'T3'].map((name) => ({ name, source: download })),
  watch: 'inside',
})

export const programs: Record<ProgramId, Program> = {
  visits: {
    id: 'visits',
    setup: 'import threading\n\nvisits = 0\n',
    shared: { visits: { kind: 'int', value: 0 } },
    threads: [
      { name: 'T1', source: visit },
      { name: 'T2', source: visit },
    ],
    watch: 'visits',
  },
  stock: {
    id: 'stock',
    setup: 'import threading\n\nstock = 1\n',
    shared: { stock: { kind: 'int', value: 1 } },
    threads: [
      { name: 'T1', source: buy },
      { name: 'T2', source: buy },
    ],
    watch: 'stock',
  },
  transfer: {
    id: 'transfer',
    setup: 'import threading\n\nlock_a = threading.Lock()\nlock_b = threading.Lock()\n',
    shared: { lock_a: { kind: 'lock' }, lock_b: { kind: 'lock' } },
    threads: [
      { name: 'T1', source: transfer('1', 'lock_a', 'lock_b') },
      { name: 'T2', source: transfer('2', 'lock_b', 'lock_a') },
    ],
    watch: 'lock_a',
  },
  slots: slots(false),
  'slots-bounded': slots(true),
}

/** The programs whose threads all run one function, where the learner may place `with lock:`. */
export const lockable = ['stock', 'visits'] as const satisfies readonly ProgramId[]
export type Lockable = (typeof lockable)[number]

/** A placement: the first and last line (1-based, in the function's source) that `with lock:` covers. */
export type Placement = readonly [first: number, last: number]

const indent = (line: string) => line.length - line.trimStart().length

/** The function's body lines a lock can cover: everything after `def` and the `global` line. */
export function bodyLines(source: string): { line: number; text: string }[] {
  return source
    .trimEnd()
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }))
    .filter(({ line, text }) => line > 1 && !text.trim().startsWith('global '))
}

/**
 * Whether `with lock:` can cover exactly these lines without changing what the others mean: they
 * must be whole statements side by side (a compound statement with all of its block).
 */
export function validPlacement(source: string, [first, last]: Placement): boolean {
  const lines = source.trimEnd().split('\n')
  const body = bodyLines(source).map((b) => b.line)
  if (first > last || !body.includes(first) || !body.includes(last)) return false
  const level = indent(lines[first - 1]!)
  for (let line = first; line <= last; line++) if (indent(lines[line - 1]!) < level) return false
  const after = lines[last] // the line after the range, if any
  return after === undefined || indent(after) <= level
}

/** Every placement `validPlacement` allows, outermost first. */
export function placements(source: string): Placement[] {
  const body = bodyLines(source).map((b) => b.line)
  return body.flatMap((first) => body.filter((last) => last >= first).map((last): Placement => [first, last])).filter((p) => validPlacement(source, p))
}

/** The function with `with lock:` around lines first..last, which move one level in. */
export function withLock(source: string, placement: Placement | null, lock = 'lock'): string {
  if (!placement) return source
  if (!validPlacement(source, placement)) throw new Error(`Lines ${placement.join('–')} are not whole statements`)
  const [first, last] = placement
  const lines = source.trimEnd().split('\n')
  const pad = ' '.repeat(indent(lines[first - 1]!))
  const out = lines.flatMap((text, i) => {
    const line = i + 1
    const moved = line >= first && line <= last ? `    ${text}` : text
    return line === first ? [`${pad}with ${lock}:`, moved] : [moved]
  })
  return `${out.join('\n')}\n`
}

/** The program with `lock = threading.Lock()` added and placed in every thread's function. */
export function placed(id: Lockable, placement: Placement | null): Program {
  const program = programs[id]
  return {
    ...program,
    setup: `${program.setup}lock = threading.Lock()\n`,
    shared: { ...program.shared, lock: { kind: 'lock' } },
    threads: program.threads.map((thread) => ({ ...thread, source: withLock(thread.source, placement) })),
  }
}

/** Every function source the challenges show: each thread's, and each lock placement's. */
export function allSources(): string[] {
  const sources = new Set<string>()
  for (const program of Object.values(programs)) for (const { source } of program.threads) sources.add(source)
  for (const id of lockable) {
    const source = programs[id].threads[0]!.source
    for (const placement of placements(source)) sources.add(withLock(source, placement))
  }
  return [...sources]
}
