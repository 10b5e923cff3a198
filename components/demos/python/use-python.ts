import { proxy, type Remote } from 'comlink'
import { useCallback, useRef, useState } from 'react'
import { useWorkers } from '@/components/demo-kit/use-workers'
import type { LoadProgress, PythonApi } from '@/workers/entry/python.worker'
import type { Spawned } from '@/workers/page/worker-group'

export type StartedPython = {
  api: Remote<PythonApi>
  /** CPython's and Pyodide's versions. */
  python: string
  pyodide: string
  /** How long this call waited for Python to load: 0 when it was already running. */
  waitedMs: number
}

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1)

/** What a learner is told while Python loads. */
export const loadingText = (progress: LoadProgress) =>
  progress.phase === 'download' ? `Downloading Python: ${mb(progress.loaded)} of ${mb(progress.total)} MB` : 'Starting the interpreter…'

/**
 * CPython (Pyodide) in one worker that serves call after call, so that Python loads once.
 * `start()` spawns the worker if there is none and resolves once Python runs in it, with `progress`
 * set while it downloads and starts; calls made meanwhile wait for the same load. The worker is
 * terminated when `signal` aborts (Stop), on `stop()`, when its load fails (the next call starts
 * Python afresh), and when the component unmounts.
 */
export function usePython() {
  const { group } = useWorkers<PythonApi>(() => new Worker(new URL('../../../workers/entry/python.worker.ts', import.meta.url), { type: 'module', name: 'python' }))
  const worker = useRef<Spawned<PythonApi> | null>(null)
  /** The worker in which Python has finished loading, if any. */
  const loaded = useRef<Spawned<PythonApi> | null>(null)
  const [progress, setProgress] = useState<LoadProgress | null>(null)

  const end = useCallback(
    (spawned: Spawned<PythonApi>) => {
      group.terminate(spawned)
      if (worker.current === spawned) worker.current = null
      setProgress(null)
    },
    [group],
  )

  const start = useCallback(
    async (signal?: AbortSignal): Promise<StartedPython> => {
      signal?.throwIfAborted()
      const spawned = (worker.current ??= group.spawn())
      signal?.addEventListener('abort', () => end(spawned), { once: true })
      const began = performance.now()
      const running = loaded.current === spawned
      try {
        const versions = await spawned.api.load(proxy((p: LoadProgress) => setProgress(p)))
        loaded.current = spawned
        return { api: spawned.api, ...versions, waitedMs: running ? 0 : performance.now() - began }
      } catch (error) {
        end(spawned)
        throw error
      } finally {
        setProgress(null)
      }
    },
    [group, end],
  )

  const stop = useCallback(() => {
    if (worker.current) end(worker.current)
  }, [end])

  return { start, stop, progress }
}
