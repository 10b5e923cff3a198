import { memo, useId } from 'react'

/** The chart's figures, in the SVG's own pixels. */
const tick = 'fill-muted font-mono text-[13px]'
/** A key entry, led by a sample of its line. */
const keyLine = "before:mr-1.5 before:inline-block before:w-6.5 before:align-middle before:content-['']"
const cell = 'border-b border-border py-1 pr-3.5 text-right tabular-nums'

export type SpeedupPoint = { workers: number; ms: number; runs: number }

type SpeedupChartProps = {
  /** The best time at each worker count run so far. */
  points: SpeedupPoint[]
  cores: number
  /** The chunksize every point was measured with; another one starts a new chart. */
  chunksize: number
}

const W = 560
const H = 280
const pad = { left: 48, right: 16, top: 16, bottom: 44 }

const fmt = (x: number) => x.toFixed(2)
/** The best a pool can do: one core per worker, up to the number of cores. */
export const idealSpeedup = (workers: number, cores: number) => Math.min(workers, cores)

/**
 * Speedup over one worker at each worker count run so far, beside the ideal. An SVG with a title
 * and description, and the same figures as a table. Memoized: a running job redraws its timeline
 * four times a second, and the chart has not changed.
 */
export const SpeedupChart = memo(function SpeedupChart({ points, cores, chunksize }: SpeedupChartProps) {
  const id = useId()
  const sorted = [...points].sort((a, b) => a.workers - b.workers)
  const baseline = sorted.find((p) => p.workers === 1)?.ms
  const rows = sorted.map((p) => ({ ...p, speedup: baseline ? baseline / p.ms : null, ideal: idealSpeedup(p.workers, cores) }))
  const xMax = Math.max(2 * cores, ...sorted.map((p) => p.workers), 2)
  const yMax = Math.ceil(Math.max(cores, ...rows.map((r) => r.speedup ?? 0)) + 0.5)
  const x = (workers: number) => pad.left + ((workers - 1) / (xMax - 1)) * (W - pad.left - pad.right)
  const y = (speedup: number) => H - pad.bottom - (speedup / yMax) * (H - pad.top - pad.bottom)
  const measured = rows.filter((r) => r.speedup !== null)
  const xTicks = Array.from({ length: xMax }, (_, i) => i + 1).filter((w) => xMax <= 16 || w === 1 || w % 2 === 0)

  const description = baseline
    ? `Speedup over one worker: ${measured.map((r) => `${r.workers} worker${r.workers === 1 ? '' : 's'} ×${fmt(r.speedup!)}`).join('; ')}. ` +
      `The ideal rises one for one up to ${cores} cores, then stays flat.`
    : 'No one-worker run yet, so no speedup to show.'

  return (
    <figure className="m-0 grid gap-2">
      <svg className="h-auto w-full max-w-160 rounded-box border border-border bg-bg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>Speedup by number of workers</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {Array.from({ length: yMax + 1 }, (_, s) => (
          <g key={s}>
            <line className="stroke-border stroke-1" x1={pad.left} x2={W - pad.right} y1={y(s)} y2={y(s)} />
            <text className={tick} x={pad.left - 8} y={y(s)} dy="0.32em" textAnchor="end">
              ×{s}
            </text>
          </g>
        ))}
        {xTicks.map((w) => (
          <text key={w} className={tick} x={x(w)} y={H - pad.bottom + 18} textAnchor="middle">
            {w}
          </text>
        ))}
        <text className="fill-muted font-sans text-[13px] font-semibold" x={(pad.left + W - pad.right) / 2} y={H - 6} textAnchor="middle">
          workers
        </text>
        <line className="stroke-muted stroke-1 [stroke-dasharray:2_4]" x1={x(cores)} x2={x(cores)} y1={pad.top} y2={H - pad.bottom} />
        <text className={tick} x={x(cores) + 4} y={pad.top + 10}>
          {cores} cores
        </text>
        <polyline className="fill-none stroke-muted stroke-2 [stroke-dasharray:7_5]" points={[1, cores, xMax].map((w) => `${x(w)},${y(idealSpeedup(w, cores))}`).join(' ')} />
        {measured.length > 1 ? <polyline className="fill-none stroke-process stroke-3" points={measured.map((r) => `${x(r.workers)},${y(r.speedup!)}`).join(' ')} /> : null}
        {measured.map((r) => (
          <circle key={r.workers} className="fill-process stroke-bg stroke-2" cx={x(r.workers)} cy={y(r.speedup!)} r={5} />
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-5 gap-y-1.5 text-small text-muted">
        <span className={`${keyLine} before:border-t-3 before:border-process`}>measured (best run at each count)</span>
        <span className={`${keyLine} before:border-t-2 before:border-dashed before:border-muted`}>ideal: min(workers, cores)</span>
        <span>all with chunksize {chunksize}</span>
      </figcaption>
      <table className="w-auto border-collapse text-body">
        <caption className="sr-only">Times and speedups by number of workers, with chunksize {chunksize}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${cell} font-semibold text-muted`}>Workers</th>
            <th scope="col" className={`${cell} font-semibold text-muted`}>Best time</th>
            <th scope="col" className={`${cell} font-semibold text-muted`}>Speedup</th>
            <th scope="col" className={`${cell} font-semibold text-muted`}>Ideal</th>
            <th scope="col" className={`${cell} font-semibold text-muted`}>Runs</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.workers}>
              <th scope="row" className={cell}>{r.workers}</th>
              <td className={cell}>{Math.round(r.ms)} ms</td>
              <td className={cell}>{r.speedup === null ? '—' : `×${fmt(r.speedup)}`}</td>
              <td className={cell}>×{r.ideal}</td>
              <td className={cell}>{r.runs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
})
