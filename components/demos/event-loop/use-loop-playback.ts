import { useEffect, useRef, useState } from 'react'
import { choice, text } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { seconds } from '@/lib/format'
import type { AsyncioTrace } from '@/workers/inside/asyncio-trace'
import { exampleIds, examples, type ExampleId } from './examples'
import { Player } from './player'
import { EventLoop, type Snapshot } from './scheduler'
import { tracedSnapshots, usePythonTracer } from './use-python-tracer'

const speeds = ['0.5', '1', '2', '4', '10'] as const

/** Longest program the editor takes (and a preset link carries). */
export const maxSource = 4000

export const controls = {
  example: choice({
    label: 'Program',
    options: exampleIds.map((id) => ({ value: id, label: examples[id].label })),
    default: 'gather',
  }),
  /** The learner's own program; empty while the chosen example is shown unedited. */
  source: text({ label: 'Python code', default: '', maxLength: maxSource }),
  speed: choice({
    label: 'Speed',
    options: speeds.map((value) => ({ value, label: `${value}×` })),
    default: '1',
  }),
}

/** How long a frame stays on screen at 1×: a beat, or as long as the loop's clock moved in it. */
const beat = 900
const frameTime = (frame: Snapshot, previous: Snapshot | undefined) => Math.max(beat, frame.time - (previous?.time ?? 0))

export type EventLoopResult = {
  /** The example played, or null for the learner's own program. */
  example: ExampleId | null
  /** The TypeScript scheduler (the examples, instantly), or real CPython (an edited program). */
  engine: 'scheduler' | 'cpython'
  steps: number
  /** Loop time at the end, in seconds. */
  seconds: number
  output: readonly string[]
  /** What the program printed to stdout, line by line. */
  stdout: string
  /** Every callback the loop ran and every printed line, as scripts/trace-asyncio.py records CPython's. */
  trace: readonly string[]
}

/** What the code panel shows: an example (highlighted at build time) or the learner's program. */
export type Shown = { example: ExampleId } | { own: string }

type Played = {
  frames: Snapshot[]
  output: readonly string[]
  stdout: readonly string[]
  trace: readonly string[]
  failure: { message: string; traceback: string[] | null } | null
}

function playExample(example: ExampleId, source: string): Played {
  const loop = new EventLoop(examples[example].build(source))
  const frames = [loop.snapshot, ...loop.runToEnd()]
  return { frames, output: loop.output, stdout: loop.output, trace: loop.trace, failure: null }
}

function playTrace(trace: AsyncioTrace): Played {
  const last = trace.error ? `${trace.error.message}${lineOf(trace)}` : trace.stopped
  return {
    frames: tracedSnapshots(trace),
    output: trace.output,
    stdout: trace.stdout,
    trace: trace.trace,
    failure: last ? { message: last, traceback: trace.error?.traceback ?? null } : null,
  }
}

const lineOf = (trace: AsyncioTrace) => {
  const line = trace.frames.at(-1)?.event.line
  return line ? ` (line ${line})` : ''
}

/** The example's code, or the program the learner wrote. */
export const isEdited = (source: string, example: ExampleId, sources: Record<ExampleId, string>) => source !== '' && source !== sources[example]

/**
 * The event-loop demo's run and its playback: Run plays the program one frame at a time on the
 * player's clock; Pause, Step and Back move through the frames seen so far, End jumps to the last.
 * An example runs on the TypeScript scheduler at once; an edited program is first traced in CPython.
 */
export function useLoopPlayback(sources: Record<ExampleId, string>) {
  const [player] = useState(() => new Player())
  const tracer = usePythonTracer()
  const [frames, setFrames] = useState<Snapshot[]>([])
  const [shown, setShown] = useState(0)
  const [clock, setClock] = useState(0)
  const [playing, setPlaying] = useState(true)
  const [program, setProgram] = useState<Shown>({ example: 'gather' })
  const [traceback, setTraceback] = useState<string[] | null>(null)
  const [tracing, setTracing] = useState(false)
  const startPaused = useRef(false)

  const demo = useDemo({
    id: 'event-loop',
    controls,
    run: async ({ example, speed, source }, { signal }) => {
      const own = isEdited(source, example, sources)
      setTraceback(null)
      setFrames([])
      setShown(0)
      setClock(0)
      player.reset()
      player.setSpeed(Number(speed))
      let played: Played
      if (own) {
        setProgram({ own: source })
        setTracing(true)
        try {
          played = playTrace(await tracer.trace(source, signal))
        } finally {
          setTracing(false)
        }
      } else {
        setProgram({ example })
        played = playExample(example, sources[example])
      }
      const all = played.frames
      const history = [all[0]!]
      setFrames(history)
      if (startPaused.current) player.pause()
      else player.play()
      setPlaying(player.playing)
      startPaused.current = false
      while (history.length < all.length) {
        if (player.skipping) {
          history.push(...all.slice(history.length))
        } else {
          // Show the current frame; while the loop's clock moved in it (select, or a blocking step), run the clock on screen.
          const current = history.at(-1)!
          const from = history.at(-2)?.time ?? 0
          const duration = frameTime(current, history.at(-2))
          await player.wait(duration, signal, (f) => setClock(from + (current.time - from) * Math.min(1, (f * duration) / Math.max(current.time - from, 1))))
          setClock(current.time)
          if (!player.skipping) history.push(all[history.length]!)
        }
        setFrames([...history])
        setShown(history.length - 1)
        setClock(history.at(-2)?.time ?? 0)
      }
      const last = all.at(-1)!
      setClock(last.time)
      if (played.failure) {
        setTraceback(played.failure.traceback)
        throw new Error(played.failure.message)
      }
      const result: EventLoopResult = {
        example: own ? null : example,
        engine: own ? 'cpython' : 'scheduler',
        steps: all.length - 1,
        seconds: last.time / 1000,
        output: played.output,
        stdout: played.stdout.join('\n'),
        trace: played.trace,
      }
      return {
        result,
        summary: own
          ? `Your program, traced in CPython: done after ${seconds(last.time, 1)} of loop time, in ${result.steps} steps.`
          : `${examples[example].label}: done after ${seconds(last.time, 1)} of loop time, in ${result.steps} steps. ` +
            `The callbacks ran in the order CPython's asyncio runs them.`,
      }
    },
  })
  const running = demo.state === 'running'
  const speed = Number(demo.raws.speed) || 1
  useEffect(() => player.setSpeed(speed), [player, speed])

  const frame = frames[shown]
  const latest = shown === frames.length - 1
  const paused = running && !playing

  function togglePlay() {
    if (!running) {
      startPaused.current = false
      void demo.run()
      return
    }
    if (player.playing) player.pause()
    else player.play()
    setPlaying(player.playing)
  }
  function stepForward() {
    if (!running) {
      startPaused.current = true
      void demo.run()
    } else if (!latest) setShown(shown + 1)
    else player.step()
  }

  return {
    demo,
    frames,
    frame,
    shown,
    latest,
    program,
    running,
    /** Python is loading, or tracing the program: no frame to show yet. */
    preparing: tracing ? (tracer.progress ?? ('tracing' as const)) : null,
    traceback,
    playing: running && playing,
    paused,
    /** Loop time to show, in ms. */
    clock: latest ? clock : (frame?.time ?? 0),
    togglePlay,
    stepForward,
    stepBack: () => setShown(Math.max(shown - 1, 0)),
    toEnd: () => {
      player.skip()
      setShown(Math.max(frames.length - 1, 0))
    },
  }
}
