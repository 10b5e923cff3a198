import { proxy } from 'comlink'
import { useCallback, useRef, useState } from 'react'
import { useWorkers } from '@/components/demo-kit/use-workers'
import type { AsyncioTrace } from '@/workers/inside/asyncio-trace'
import type { LoadProgress, PythonApi } from '@/workers/entry/python.worker'
import type { Spawned } from '@/workers/page/worker-group'
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
  const { group } = useWorkers<PythonApi>(() => new Worker(new URL('../../../workers/entry/python.worker.ts', import.meta.url), { type: 'module', name: 'python' }))
  const worker = useRef<Spawned<PythonApi> | null>(null)
  const [progress, setProgress] = useState<LoadProgress | null>(null)

  const trace = useCallback(
    async (source: string, signal: AbortSignal): Promise<AsyncioTrace> => {
      const spawned = (worker.current ??= group.spawn())
      signal.addEventListener(
        'abort',
        () => {
          group.terminate(spawned)
          if (worker.current === spawned) worker.current = null
          setProgress(null)
        },
        { once: true },
      )
      try {
        await spawned.api.load(proxy((p: LoadProgress) => setProgress(p)))
      } catch (error) {
        group.terminate(spawned)
        if (worker.current === spawned) worker.current = null
        throw error
      } finally {
        setProgress(null)
      }
      return spawned.api.trace(source)
    },
    [group],
  )

  return { trace, progress }
}
