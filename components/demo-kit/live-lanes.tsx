'use client'

import { sharedNow } from '@/workers/clock'
import { Timeline, type TimelineLane } from './timeline'
import { useLiveSnapshot, type LiveStore } from './use-live-view'

/**
 * The lanes of a timed run, on the clock the workers share (`sharedNow`), from `t0`. While `running`,
 * `now` follows that clock, so spans still going grow. `axis` (ms) is the axis's length, drawn before
 * the run starts and kept while it runs; null fits the axis to the spans. `phase` says what the run
 * is doing, above the lanes ('' says nothing).
 */
export type Lanes = { lanes: TimelineLane[]; t0: number; now: number; running: boolean; axis: number | null; phase: string }

export const emptyLanes = (): Lanes => ({ lanes: [], t0: 0, now: 0, running: false, axis: null, phase: '' })

/**
 * The axis of a timeline that is still growing, in ms. It stays put while the run fits, so spans
 * already drawn keep their place (and the page redraws only the spans that changed); once the run
 * outgrows it, or with no axis yet (`null`), it is half again the time elapsed, in whole 100 ms.
 */
export function liveAxis(axis: number | null, elapsed: number): number {
  return axis !== null && elapsed <= axis ? axis : Math.max(100, Math.ceil((elapsed * 1.5) / 100) * 100)
}

const tick = (lanes: Lanes): Lanes => {
  if (!lanes.running) return lanes
  const now = sharedNow()
  return { ...lanes, now, axis: liveAxis(lanes.axis, now - lanes.t0) }
}

type Props = {
  store: LiveStore<Lanes>
  /** The demo is running: redraw a few times a second. */
  running: boolean
  /** Names the figure for screen readers. */
  label: string
  /** See `Timeline`: for many short slices. */
  exact?: boolean
}

/**
 * Worker lanes while they compute: the only part of a demo that redraws during a timed run (a few
 * times a second), so the page takes as little as it can from the workers' cores.
 */
export function LiveLanes({ store, running, label, exact }: Props) {
  const view = useLiveSnapshot(store, running, { refresh: tick })
  if (!view.lanes.length) return null
  return (
    <div className="grid gap-4">
      {view.phase ? <p className="m-0 text-detail font-semibold text-muted">{view.phase}</p> : null}
      <Timeline lanes={view.lanes} now={view.now - view.t0} duration={view.axis ?? undefined} label={label} exact={exact} />
    </div>
  )
}
