'use client'

import { useEffect, useState } from 'react'
import { WorkerGroup } from '@/workers/page/worker-group'

/**
 * The workers a demo owns, each started by `spawn` and speaking the `Api` its module exposes:
 *
 *     useWorkers<CounterApi>(() => new Worker(new URL('../../workers/entry/counter.worker.ts', import.meta.url), { type: 'module', name: 'counter' }))
 *
 * Every worker it spawns is terminated when the run's signal aborts (Stop), when the demo calls
 * `terminateAll()`, and when the component unmounts (leaving the page). `alive` is the live count,
 * for display. The bundler emits a worker chunk only for a `new Worker(new URL('…', import.meta.url))`
 * written out literally, so each demo writes its own; a lint rule allows `new Worker` nowhere else.
 */
export function useWorkers<Api>(spawn: () => Worker) {
  const [alive, setAlive] = useState(0)
  const [group] = useState(() => new WorkerGroup<Api>(spawn, setAlive))
  useEffect(() => () => group.terminateAll(), [group])
  return { group, alive }
}
