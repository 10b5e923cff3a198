'use client'

import type { ReactNode } from 'react'
import { useEffect, useId, useRef, useState } from 'react'
import { ControlField } from '@/components/demo-kit/control-field'
import { choice } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { exampleIds, examples, type ExampleId } from './examples'
import { Player } from './player'
import { EventLoop, type Snapshot, type TaskView } from './scheduler'
import './event-loop.css'
import { seconds } from '@/lib/format'

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

type Props = {
  /** Each example's Python source, read from content/python at build time. */
  sources: Record<ExampleId, string>
  /** The same, highlighted at build time. */
  highlighted: Record<ExampleId, ReactNode>
}

/** The event loop, step by step: a real scheduler runs the program; every frame is its state. */
export function EventLoopClient({ sources, highlighted }: Props) {
  const [player] = useState(() => new Player())
  const [frames, setFrames] = useState<Snapshot[]>([])
  const [shown, setShown] = useState(0)
  const [clock, setClock] = useState(0)
  const [playing, setPlaying] = useState(true)
  const [example, setExample] = useState<ExampleId>('gather')
  const startPaused = useRef(false)
  const ids = useId()

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
  function stepBack() {
    setShown(Math.max(shown - 1, 0))
  }

  const shownClock = latest ? clock : (frame?.time ?? 0)

  return (
    <DemoFrame
      demo={demo}
      title="The event loop, step by step"
      description="A scheduler written like asyncio's runs the program: tasks, the ready queue, the timers and the running task are its real state at each step. Play it, or pause and step."
      runLabel="the loop"
      controls={
        <>
          <ControlField
            name="example"
            spec={controls.example}
            raw={demo.raws.example}
            error={demo.errors.example}
            disabled={running}
            onChange={(raw) => demo.setRaw('example', raw)}
          />
          <ControlField name="speed" spec={controls.speed} raw={demo.raws.speed} error={demo.errors.speed} onChange={(raw) => demo.setRaw('speed', raw)} />
        </>
      }
    >
      <div className="el">
        <div className="el-body">
          <div className="el-toolbar" role="toolbar" aria-label="Playback">
            <button type="button" className="button" onClick={togglePlay}>
              <span aria-hidden="true">{running && playing ? '❚❚' : '▶'}</span> {running && playing ? 'Pause' : 'Play'}
            </button>
            <button type="button" className="button" onClick={stepBack} disabled={!running || shown === 0 || !paused}>
              <span aria-hidden="true">‹</span> Back
            </button>
            <button type="button" className="button" onClick={stepForward} disabled={running && !paused}>
              Step <span aria-hidden="true">›</span>
            </button>
            <p className="el-clock">
              <span className="el-clock-label">loop time</span>{' '}
              {seconds(shownClock, 1)}
            </p>
          </div>

          <p className="el-event" aria-live={paused ? 'polite' : 'off'} data-kind={frame?.event.kind}>
            {frame ? (
              <>
                <span className="el-step">
                  Step {frame.step}
                  {latest ? '' : ` of ${frames.length - 1}`}
                </span>{' '}
                {frame.event.text}
              </>
            ) : (
              'Press Run to play the program, or Step to go one step at a time.'
            )}
          </p>

          <div className="el-grid">
            <div className="el-state">
              <Running frame={frame} />
              <section aria-labelledby={`${ids}-ready`} className="el-box">
                <h4 id={`${ids}-ready`} className="el-heading">
                  Ready queue <span className="el-hint">first in, first out</span>
                </h4>
                {frame?.ready.length ? (
                  <ol className="el-queue">
                    {frame.ready.map((handle, i) => (
                      <li key={i} className="el-chip" data-kind={handle.kind}>
                        {handle.label}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="el-empty">empty</p>
                )}
              </section>
              <section aria-labelledby={`${ids}-timers`} className="el-box">
                <h4 id={`${ids}-timers`} className="el-heading">
                  Timers <span className="el-hint">soonest first</span>
                </h4>
                {frame?.timers.length ? (
                  <ol className="el-queue">
                    {frame.timers.map((timer, i) => (
                      <li key={i} className="el-chip" data-kind="timer" data-due={timer.when <= frame.time ? '' : undefined}>
                        {timer.label}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="el-empty">none</p>
                )}
              </section>
            </div>
            <div className="el-code">
              <p className="el-heading el-file">{examples[example].file}</p>
              <CodeWithMarkers source={sources[example]} frame={frame} label={examples[example].file}>
                {highlighted[example]}
              </CodeWithMarkers>
            </div>
          </div>

          <div className="el-bottom">
            <section aria-labelledby={`${ids}-tasks`} className="el-box">
              <h4 id={`${ids}-tasks`} className="el-heading">
                Tasks
              </h4>
              {frame?.tasks.length ? <TaskTable tasks={frame.tasks} running={frame.running} /> : <p className="el-empty">none yet</p>}
            </section>
            <section aria-labelledby={`${ids}-output`} className="el-box">
              <h4 id={`${ids}-output`} className="el-heading">
                Output
              </h4>
              <pre className="el-output">{frame?.output.join('\n') || ' '}</pre>
            </section>
          </div>
        </div>
      </div>
    </DemoFrame>
  )
}

function Running({ frame }: { frame: Snapshot | undefined }) {
  const id = useId()
  const task = frame?.tasks.find((t) => t.name === frame.running)
  return (
    <section aria-labelledby={id} className="el-box el-running" data-blocked={frame?.blocked ? '' : undefined}>
      <h4 id={id} className="el-heading">
        Running now
      </h4>
      <p className="el-running-value">
        {!frame ? (
          '–'
        ) : task ? (
          <>
            <strong>{task.name}</strong> in <code>{task.stack.at(-1)!.fn}()</code>
            {frame.blocked ? <span className="el-blocked"> blocking the loop</span> : null}
          </>
        ) : frame.finished ? (
          'nothing: the loop has stopped'
        ) : frame.event.kind === 'select' ? (
          'nothing: the loop waits in select()'
        ) : frame.event.kind === 'handle' || frame.event.kind === 'timers-due' ? (
          'no task: the loop runs one of its own callbacks'
        ) : frame.event.kind === 'start' ? (
          'nothing yet'
        ) : (
          'no task: the loop takes the next callback'
        )}
      </p>
    </section>
  )
}

const stateLabel = (task: TaskView) =>
  task.state === 'done'
    ? 'done'
    : task.state === 'running'
      ? 'running'
      : task.state === 'scheduled'
        ? task.started
          ? 'ready to resume'
          : 'created, not started'
        : 'suspended'

function TaskTable({ tasks, running }: { tasks: TaskView[]; running: string | null }) {
  return (
    <div className="el-table-scroll">
      <table className="el-tasks">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Coroutine</th>
            <th scope="col">State</th>
            <th scope="col">Waiting on / result</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.name} data-state={task.state} aria-current={task.name === running ? 'true' : undefined}>
              <th scope="row">{task.name}</th>
              <td>
                <code>{task.stack.map((s) => `${s.fn}()`).join(' → ')}</code>
              </td>
              <td>{stateLabel(task)}</td>
              <td>
                <code>{task.state === 'done' ? task.result : (task.waitingOn ?? '')}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The highlighted program, with a bar on each line a task is at and the tasks named beside it. */
function CodeWithMarkers({ source, frame, label, children }: { source: string; frame: Snapshot | undefined; label: string; children: ReactNode }) {
  const lines = source.split('\n')
  const marks = new Map<number, { names: string[]; running: boolean; blocked: boolean }>()
  for (const task of frame?.tasks ?? []) {
    if (task.state === 'done' || !task.started) continue
    const line = task.stack.at(-1)!.line
    const mark = marks.get(line) ?? { names: [], running: false, blocked: false }
    mark.names.push(task.name)
    if (task.name === frame!.running) {
      mark.running = true
      mark.blocked = frame!.blocked
    }
    marks.set(line, mark)
  }
  return (
    // Focusable, so the code can be scrolled sideways from the keyboard.
    <div className="el-code-body" role="region" aria-label={label} tabIndex={0}>
      <div className="el-marks" aria-hidden="true">
        {[...marks].map(([line, mark]) => (
          <div
            key={line}
            className="el-mark"
            data-running={mark.running ? '' : undefined}
            data-blocked={mark.blocked ? '' : undefined}
            style={{ ['--line' as string]: line - 1, ['--indent' as string]: (lines[line - 1] ?? '').trimEnd().length }}
          >
            <span className="el-mark-names">◀ {mark.names.join(' ')}</span>
          </div>
        ))}
      </div>
      {children}
      <p className="sr-only">
        {[...marks].map(([line, mark]) => `${mark.names.join(', ')} ${mark.names.length > 1 ? 'are' : 'is'} at line ${line}${mark.running ? ', running' : ''}.`).join(' ')}
      </p>
    </div>
  )
}
