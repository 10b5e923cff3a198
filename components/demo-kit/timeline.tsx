'use client'

import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react'
import { useDarkTheme } from '@/components/site/theme'
import { axisTime } from '@/lib/format'

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
  /**
   * Draws spans at their true width, even under a pixel, with square ends. For many short slices:
   * threads taking turns then read as a paler lane, not as two solid ones.
   */
  exact?: boolean
}


/** The drawing area in CSS pixels, the gap between lanes, and device pixels per CSS pixel. */
export type Area = { width: number; height: number; gap: number; scale: number }
/** Resolves a CSS colour (custom properties, `color-mix`) to one a canvas takes. */
type Colours = (css: string) => string

// In CSS pixels: corners of tracks and spans, and the space between a span and its track's edges.
const TRACK_RADIUS = 6.4
const SPAN_RADIUS = 4.8
const INSET = 3
/** Running spans are striped: 6 px bands, 45° to the track, so a stripe every 12√2 px along it. */
const BAND = 6
const STRIPE = 2 * BAND * Math.SQRT2

/** Each lane's height: the drawing shares its height among the lanes, less the gaps between them. */
const laneHeightIn = (area: Area, lanes: number) => (area.height - area.gap * (lanes - 1)) / lanes

function draw(canvas: HTMLCanvasElement, lanes: TimelineLane[], total: number, now: number, area: Area, colour: Colours, exact: boolean) {
  const context = canvas.getContext('2d')
  if (!context) return
  const width = Math.round(area.width * area.scale)
  const height = Math.round(area.height * area.scale)
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height })
  context.setTransform(area.scale, 0, 0, area.scale, 0, 0)
  context.clearRect(0, 0, area.width, area.height)
  const laneHeight = laneHeightIn(area, lanes.length)
  const x = (t: number) => (t / total) * area.width
  lanes.forEach((lane, i) => {
    const top = i * (laneHeight + area.gap)
    context.fillStyle = colour('var(--surface-2)')
    context.beginPath()
    context.roundRect(0, top, area.width, laneHeight, TRACK_RADIUS)
    context.fill()
    const y = top + INSET
    const h = laneHeight - 2 * INSET
    for (const span of lane.spans) {
      const left = x(span.start)
      const w = Math.max(x(span.end ?? now) - left, exact ? 0 : 2)
      const tone = span.tone ?? 'var(--accent)'
      context.fillStyle = colour(tone)
      context.beginPath()
      context.roundRect(left, y, w, h, exact ? 0 : Math.min(SPAN_RADIUS, w / 2))
      context.fill()
      if (span.end !== undefined) continue
      // Still running: paler stripes over it, fixed to the track so they keep still as it grows.
      context.save()
      context.clip()
      context.strokeStyle = colour(`color-mix(in srgb, ${tone} 70%, var(--bg))`)
      context.lineWidth = BAND
      context.beginPath()
      for (let sx = Math.floor((left - h) / STRIPE) * STRIPE; sx < left + w; sx += STRIPE) {
        context.moveTo(sx, y + h)
        context.lineTo(sx + h, y)
      }
      context.stroke()
      context.restore()
    }
  })
}

/** The span under a point of the drawing (CSS pixels), described as a tooltip says it. */
export function describeAt(lanes: TimelineLane[], total: number, now: number, area: Area, px: number, py: number): string {
  const laneHeight = laneHeightIn(area, lanes.length)
  const row = Math.floor(py / (laneHeight + area.gap))
  // Between lanes is no lane.
  const lane = py - row * (laneHeight + area.gap) <= laneHeight ? lanes[row] : undefined
  const t = (px / area.width) * total
  // The latest span that covers the point; 2 px either side, since short spans are drawn 2 px wide.
  const slack = (2 / area.width) * total
  const span = lane?.spans.findLast((s) => s.start - slack <= t && t <= (s.end ?? now) + slack)
  if (!lane || !span) return ''
  return `${lane.label}, ${span.label}: ${axisTime(span.start)} → ${span.end === undefined ? 'running' : axisTime(span.end)}`
}

/**
 * Lanes of spans over time: which worker (or task) was busy when. The spans are drawn on a canvas:
 * a live timeline redraws several times a second while workers compute, and on a canvas that costs
 * the page a few rectangles, not a restyle, layout and repaint of the document, which took CPU
 * from the very workers being timed.
 */
export function Timeline({ lanes, duration, now = 0, label, exact = false }: TimelineProps) {
  const latest = Math.max(now, ...lanes.flatMap((lane) => lane.spans.map((span) => span.end ?? now)))
  const total = Math.max(duration ?? 0, latest, 1)
  const dark = useDarkTheme()
  const tracks = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const probe = useRef<HTMLSpanElement>(null)
  const colours = useRef<{ dark: boolean; resolved: Map<string, string> } | null>(null)
  const [area, setArea] = useState<Area | null>(null)

  useEffect(() => {
    const element = tracks.current!
    const measure = () => {
      const gap = parseFloat(getComputedStyle(element.parentElement!).rowGap) || 0
      setArea({ width: element.clientWidth, height: element.clientHeight, gap, scale: window.devicePixelRatio || 1 })
    }
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    // Zooming in (for a room, say) changes the device pixels per CSS pixel, not always the size.
    let resolution = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`)
    const rescaled = () => {
      measure()
      resolution.removeEventListener('change', rescaled)
      resolution = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`)
      resolution.addEventListener('change', rescaled)
    }
    resolution.addEventListener('change', rescaled)
    return () => {
      observer.disconnect()
      resolution.removeEventListener('change', rescaled)
    }
  }, [])

  useLayoutEffect(() => {
    if (!area || !area.width || !lanes.length) return
    if (colours.current?.dark !== dark) colours.current = { dark, resolved: new Map() }
    const { resolved } = colours.current
    const colour = (css: string) => {
      let value = resolved.get(css)
      if (value === undefined) {
        probe.current!.style.color = css
        value = getComputedStyle(probe.current!).color
        resolved.set(css, value)
      }
      return value
    }
    draw(canvas.current!, lanes, total, now, area, colour, exact)
  }, [lanes, total, now, area, dark, exact])

  function showTitle(event: PointerEvent<HTMLCanvasElement>) {
    if (!area) return
    const box = event.currentTarget.getBoundingClientRect()
    const title = describeAt(lanes, total, now, area, event.clientX - box.left, event.clientY - box.top)
    if (event.currentTarget.title !== title) event.currentTarget.title = title
  }

  return (
    <figure className="timeline" aria-label={label}>
      {lanes.map((lane) => (
        <span key={lane.label} className="timeline-label">
          {lane.label}
        </span>
      ))}
      <div ref={tracks} className="timeline-tracks" style={{ gridRowEnd: `span ${Math.max(lanes.length, 1)}` }}>
        <canvas ref={canvas} aria-hidden="true" onPointerMove={showTitle} />
        <span ref={probe} hidden />
      </div>
      <div className="timeline-axis" aria-hidden="true">
        <span>0</span>
        <span>{axisTime(total / 2)}</span>
        <span>{axisTime(total)}</span>
      </div>
    </figure>
  )
}
