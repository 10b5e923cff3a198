import type { PyodideAPI } from 'pyodide'
import type { Snapshot } from '@/components/demos/event-loop/scheduler'
// The tracer is one Python file, run here in Pyodide and by the tests in CPython 3.11 (next.config.mjs
// imports a .py file as its text).
import tracerSource from './asyncio_trace.py'

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

type TraceJson = (source: string) => string

const tracers = new WeakMap<PyodideAPI, TraceJson>()

/** Traces `source` under the instrumented event loop; the tracer module is loaded once per interpreter. */
export function traceAsyncio(py: PyodideAPI, source: string): AsyncioTrace {
  let run = tracers.get(py)
  if (!run) {
    const namespace = py.toPy({ __name__: 'asyncio_trace' })
    py.runPython(tracerSource, { globals: namespace, filename: 'asyncio_trace.py' })
    const traceJson = namespace.get('trace_json') as TraceJson
    run = traceJson
    tracers.set(py, run)
  }
  return JSON.parse(run(source)) as AsyncioTrace
}
