export type TimelineSpan = {
  /** Milliseconds from the start of the run. */
  start: number
  /** Undefined while the span is still running. */
  end?: number
  label: string
  /** A CSS colour, e.g. `var(--process)`. */
  tone?: string
}

export type TimelineLane = { label: string; spans: TimelineSpan[] }

type TimelineProps = {
  lanes: TimelineLane[]
  /** Milliseconds the axis spans (at least to the latest end, which is the default). */
  duration?: number
  /** Time now, for spans still running. */
  now?: number
  /** Names the figure for screen readers, e.g. "Which worker ran which chunk, over time". */
  label: string
}

const ms = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(t >= 10_000 ? 0 : 1)} s` : `${Math.round(t)} ms`)

/** Lanes of spans over time: which worker (or task) was busy when. */
export function Timeline({ lanes, duration, now = 0, label }: TimelineProps) {
  const latest = Math.max(now, ...lanes.flatMap((lane) => lane.spans.map((span) => span.end ?? now)))
  const total = Math.max(duration ?? 0, latest, 1)
  return (
    <figure className="timeline" aria-label={label}>
      {lanes.map((lane) => (
        <div key={lane.label} className="timeline-lane">
          <span className="timeline-label">{lane.label}</span>
          <div className="timeline-track">
            {lane.spans.map((span, i) => {
              const end = span.end ?? now
              return (
                <span
                  key={i}
                  className="timeline-span"
                  data-running={span.end === undefined ? '' : undefined}
                  title={`${span.label}: ${ms(span.start)} → ${span.end === undefined ? 'running' : ms(end)}`}
                  style={{
                    left: `${(span.start / total) * 100}%`,
                    width: `${(Math.max(end - span.start, 0) / total) * 100}%`,
                    ...(span.tone ? { ['--tone' as string]: span.tone } : {}),
                  }}
                />
              )
            })}
          </div>
        </div>
      ))}
      <div className="timeline-axis" aria-hidden="true">
        <span>0</span>
        <span>{ms(total / 2)}</span>
        <span>{ms(total)}</span>
      </div>
    </figure>
  )
}
