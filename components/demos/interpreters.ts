import type { Interpreter } from '@/workers/entry/counter.worker'

/** The CPythons the counter and the race stepper stand in for, as their `interpreter` control offers them. */
export const interpreters = [
  { value: 'gil', label: 'CPython with the GIL' },
  { value: 'gil-call', label: 'CPython with the GIL, a call inside the increment' },
  { value: 'free-threaded', label: 'free-threaded CPython (3.13t, 3.14t)' },
] as const satisfies readonly { value: Interpreter; label: string }[]

export const interpreterHelp = 'Where the GIL may change hands (CPython 3.10 and later): only at a call and at the loop’s jump back. Free-threaded, there is no GIL.'
