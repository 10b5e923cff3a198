import { useEffect, useRef, useState } from 'react'
import { choice } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { seconds } from '@/lib/format'
import { exampleIds, examples, type ExampleId } from './examples'
import { Player } from './player'
import { EventLoop, type Snapshot } from './scheduler'

const speeds = ['0.5', '1', '2', '4', '10'] as const

const controls = {
  example: choice({
    label: 'Program',
    options: exampleIds.map((id) => ({ value: id, label: examples[id].label })),
    default: 'gather',
  }),
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
  example: ExampleId
  steps: number
  /** Loop time at the end, in seconds. */
  seconds: number
  output: readonly string[]
  /** Every callback the loop ran and every printed line, as scripts/trace-asyncio.py records CPython's. */
  trace: readonly string[]
}

/**
 * The event-loop demo's run and its playback: Run plays the program one frame at a time on the
 * player's clock; Pause, Step and Back move through the frames seen so far.
 */
export function useLoopPlayback(sources: Record<ExampleId, string>) {
  const [player] = useState(() => new Player())
  const [frames, setFrames] = useState<Snapshot[]>([])
  const [shown, setShown] = useState(0)
  const [clock, setClock] = useState(0)
  const [playing, setPlaying] = useState(true)
  const [example, setExample] = useState<ExampleId>('gather')
  const startPaused = useRef(false)

  const demo = useDemo({
    id: 'event-loop',
    controls,
    run: async ({ example, speed }, { signal }) => {
      const loop = new EventLoop(examples[example].build(sources[example]))
      const history = [loop.snapshot]
      setExample(example)
      setFrames(history)
      setShown(0)
      setClock(0)
      player.setSpeed(Number(speed))
      if (startPaused.current) player.pause()
      else player.play()
      setPlaying(player.playing)
      startPaused.current = false
      while (!loop.finished) {
        // Show the current frame; while the loop's clock moved in it (select, or a blocking step), run the clock on screen.
        const current = history.at(-1)!
        const from = history.at(-2)?.time ?? 0
        const duration = frameTime(current, history.at(-2))
        await player.wait(duration, signal, (f) => setClock(from + (current.time - from) * Math.min(1, (f * duration) / Math.max(current.time - from, 1))))
        setClock(current.time)
        history.push(loop.step())
        setFrames([...history])
        setShown(history.length - 1)
        setClock(history.at(-2)!.time)
      }
      setClock(loop.time)
      const result: EventLoopResult = {
        example,
        steps: history.length - 1,
        seconds: loop.time / 1000,
        output: loop.output,
        trace: loop.trace,
      }
      return {
        result,
        summary:
          `${examples[example].label}: done after ${seconds(loop.time, 1)} of loop time, in ${result.steps} steps. ` +
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
    example,
    running,
    playing: running && playing,
    paused,
    /** Loop time to show, in ms. */
    clock: latest ? clock : (frame?.time ?? 0),
    togglePlay,
    stepForward,
    stepBack: () => setShown(Math.max(shown - 1, 0)),
  }
}
