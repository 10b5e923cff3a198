'use client'

import { useEffect, useState } from 'react'
import { spawners, type ApiOf, type WorkerKind } from '@/workers/page/registry'
import { WorkerGroup } from '@/workers/page/worker-group'

/**
 * The workers of one kind that a demo owns. Every worker it spawns is terminated when the run's
 * signal aborts (Stop), when the demo calls `terminateAll()`, and when the component unmounts
 * (leaving the page). `alive` is the live count, for display.
 */
export function useWorkers<K extends WorkerKind>(kind: K) {
  const [alive, setAlive] = useState(0)
  const [group] = useState(() => new WorkerGroup<ApiOf<K>>(spawners[kind], setAlive))
  useEffect(() => () => group.terminateAll(), [group])
  return { group, alive }
}
