/** Small helpers the multiprocessing demos share for drawing workers and their items. */

/** A hue per worker, spread round the colour wheel so neighbours differ. */
export const workerHue = (worker: number) => Math.round((200 + worker * 137.508) % 360)

/** The items a worker computed, as compact ranges: `0–2, 8, 12–15` (at most `limit` ranges shown). */
export function itemRanges(owners: readonly number[], worker: number, limit = 6): { count: number; text: string } {
  const ranges: [number, number][] = []
  let count = 0
  owners.forEach((owner, i) => {
    if (owner !== worker) return
    count++
    const last = ranges.at(-1)
    if (last && last[1] === i - 1) last[1] = i
    else ranges.push([i, i])
  })
  const shown = ranges.slice(0, limit).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`))
  if (ranges.length > limit) shown.push(`… ${ranges.length - limit} more runs`)
  return { count, text: shown.join(', ') }
}
