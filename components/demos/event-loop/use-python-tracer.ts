import { useCallback } from 'react'
import type { AsyncioTrace } from '@/workers/inside/asyncio-trace'
import { usePython } from '../python/use-python'
import type { Snapshot } from './scheduler'

/** A traced program's frames as the visualizer plays them: each with the lines printed so far. */
export function tracedSnapshots(trace: AsyncioTrace): Snapshot[] {
  return trace.frames.map(({ printed, ...frame }) => ({ ...frame, output: trace.output.slice(0, printed) }))
}

/**
 * CPython (Pyodide) in a worker of the visualizer's own, to trace the learner's program. It starts
 * on the first traced run and serves the next ones; Stop terminates it.
 */
export function usePythonTracer() {
  const { start, progress } = usePython()
  const trace = useCallback(async (source: string, signal: AbortSignal): Promise<AsyncioTrace> => (await start(signal)).api.trace(source), [start])
  return { trace, progress }
}
