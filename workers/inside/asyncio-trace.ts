import type { PyodideAPI } from 'pyodide'
import type { Snapshot } from '@/components/demos/event-loop/scheduler'
// The tracer is two Python files, run here in Pyodide and by the tests in CPython 3.11 (next.config.mjs
// imports a .py file as its text).
import tracerSource from './asyncio_trace.py'
import { importModules } from './python-modules'
import virtualClockSource from './virtual_clock.py'

/** One step of a traced program: a visualizer frame, with how many lines had been printed by then. */
export type TracedFrame = Omit<Snapshot, 'output'> & { printed: number }

/** What `workers/inside/asyncio_trace.py` returns: every step of the program, as CPython ran it. */
export type AsyncioTrace = {
  frames: TracedFrame[]
  /** Every line printed, stdout and stderr, in order. */
  output: string[]
  stdout: string[]
  /** The callbacks the loop ran and the printed lines, as scripts/trace-asyncio.py writes them. */
  trace: string[]
  /** The program's own exception, with CPython's traceback (the tracer's frames left out). */
  error: { type: string; message: string; traceback: string[] } | null
  /** Why the program was stopped before it finished (the step limit, endless computing, a loop with nothing to wait for). */
  stopped: string | null
  python: string
}

/** Traces `source` under the instrumented event loop; the tracer's modules load once per interpreter. */
export function traceAsyncio(py: PyodideAPI, source: string): AsyncioTrace {
  const tracer = importModules(py, [
    ['virtual_clock', virtualClockSource],
    ['asyncio_trace', tracerSource],
  ])
  return JSON.parse(tracer.trace_json(source) as string) as AsyncioTrace
}
