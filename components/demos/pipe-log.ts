import type { PipeEvent } from '@/workers/entry/pipe.worker'

type End = PipeEvent['end']

/** One message crossing the pipe: sent by one end, received (once it has been) by the other. */
export type Crossing = { from: End; value: number | null; sentAt?: number; receivedAt?: number }

/** The two ends' reports, filed per direction. */
export type PipeLog = { byDirection: Record<End, Crossing[]>; counts: Record<End, { send: number; recv: number }> }

export const emptyPipeLog = (): PipeLog => ({ byDirection: { a: [], b: [] }, counts: { a: { send: 0, recv: 0 }, b: { send: 0, recv: 0 } } })

/**
 * Files one end's report. An end's n-th send is the n-th message in its direction; the other
 * end's n-th receive is that same message arriving (a pipe keeps order). Reports from the two
 * workers may reach the page in either order, so whichever half comes first opens the crossing.
 */
export function file(log: PipeLog, event: PipeEvent): PipeLog {
  const from: End = event.kind === 'send' ? event.end : event.end === 'a' ? 'b' : 'a'
  const nth = log.counts[event.end][event.kind]
  const direction = [...log.byDirection[from]]
  const half = event.kind === 'send' ? { sentAt: event.at } : { receivedAt: event.at }
  direction[nth] = { ...(direction[nth] ?? { from, value: event.value }), ...half }
  return {
    byDirection: { ...log.byDirection, [from]: direction },
    counts: { ...log.counts, [event.end]: { ...log.counts[event.end], [event.kind]: nth + 1 } },
  }
}

/**
 * Every crossing in the order it happened. In this request–reply exchange B's n-th message answers
 * A's n-th, so the order is A0, B0, A1, B1…; the two workers' clocks are too close to sort by.
 */
export function crossings(log: PipeLog): Crossing[] {
  const { a, b } = log.byDirection
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]])
    .flat()
    .filter((c): c is Crossing => c !== undefined)
}
