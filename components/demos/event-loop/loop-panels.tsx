'use client'

import { useId, type ReactNode } from 'react'
import type { Snapshot, TaskView } from './scheduler'

/** One boxed part of the loop's state, with its small heading. */
function Panel({ title, hint, className, children, ...data }: { title: string; hint?: string; className?: string; children: ReactNode; 'data-blocked'?: string }) {
  const id = useId()
  return (
    <section aria-labelledby={id} className={`demo-box min-w-0${className ? ` ${className}` : ''}`} {...data}>
      <h4 id={id} className="demo-label mt-0 mb-1.5">
        {hint ? `${title} ` : title}
        {hint ? <span className="font-medium tracking-normal normal-case">{hint}</span> : null}
      </h4>
      {children}
    </section>
  )
}

/** What runs now: a task (and where), one of the loop's own callbacks, or nothing. */
export function RunningPanel({ frame }: { frame: Snapshot | undefined }) {
  const task = frame?.tasks.find((t) => t.name === frame.running)
  return (
    <Panel title="Running now" className={frame?.blocked ? 'border-danger bg-danger-soft' : undefined} data-blocked={frame?.blocked ? '' : undefined}>
      <p className="m-0 text-prose">
        {!frame ? (
          '–'
        ) : task ? (
          <>
            <strong>{task.name}</strong> in <code>{task.stack.at(-1)!.fn}()</code>
            {frame.blocked ? <span className="font-bold text-danger"> blocking the loop</span> : null}
          </>
        ) : (
          idleText(frame)
        )}
      </p>
    </Panel>
  )
}

function idleText(frame: Snapshot) {
  if (frame.event.kind === 'error') return 'nothing: the program raised an exception'
  if (frame.event.kind === 'limit') return 'nothing: the program was stopped'
  if (frame.finished) return 'nothing: the loop has stopped'
  if (frame.event.kind === 'select') return 'nothing: the loop waits in select()'
  if (frame.event.kind === 'handle' || frame.event.kind === 'timers-due') return 'no task: the loop runs one of its own callbacks'
  if (frame.event.kind === 'start') return 'nothing yet'
  return 'no task: the loop takes the next callback'
}

/** A chip's left edge: a timer, a gather or the loop's stop, another callback; otherwise a task's step. */
const chipEdge: Partial<Record<string, string>> = { timer: 'border-l-thread', gather: 'border-l-deep', stop: 'border-l-deep', other: 'border-l-muted' }

type Chip = { label: string; kind: string; due?: boolean }

/** A queue in order, one chip a callback or timer; `empty` says so when there is none. */
function Chips({ chips, empty }: { chips: Chip[]; empty: string }) {
  if (!chips.length) return <p className="m-0 text-muted italic">{empty}</p>
  return (
    <ol className="m-0 flex list-none flex-wrap gap-1.5 p-0">
      {chips.map((chip, i) => (
        <li
          key={i}
          className={`rounded-md border border-l-4 border-border bg-surface px-2.25 py-0.5 font-mono text-code whitespace-nowrap ${chipEdge[chip.kind] ?? 'border-l-async'} ${chip.due ? 'border-dashed' : ''}`}
          data-kind={chip.kind}
          data-due={chip.due ? '' : undefined}
        >
          {chip.label}
        </li>
      ))}
    </ol>
  )
}

export function ReadyPanel({ frame }: { frame: Snapshot | undefined }) {
  return (
    <Panel title="Ready queue" hint="first in, first out">
      <Chips chips={frame?.ready ?? []} empty="empty" />
    </Panel>
  )
}

export function TimersPanel({ frame }: { frame: Snapshot | undefined }) {
  const chips = (frame?.timers ?? []).map((timer) => ({ label: timer.label, kind: 'timer', due: timer.when <= frame!.time }))
  return (
    <Panel title="Timers" hint="soonest first">
      <Chips chips={chips} empty="none" />
    </Panel>
  )
}

export function TasksPanel({ frame }: { frame: Snapshot | undefined }) {
  return <Panel title="Tasks">{frame?.tasks.length ? <TaskTable tasks={frame.tasks} running={frame.running} /> : <p className="m-0 text-muted italic">none yet</p>}</Panel>
}

/** What the program printed by this frame; at a traced program's end, CPython's traceback too. */
export function OutputPanel({ frame, traceback }: { frame: Snapshot | undefined; traceback: string[] | null }) {
  return (
    <Panel title="Output">
      <pre className="m-0 min-h-12 overflow-x-auto font-mono text-code whitespace-pre-wrap wrap-anywhere">{frame?.output.join('\n') || ' '}</pre>
      {traceback ? (
        // Focusable, so a long traceback can be scrolled sideways from the keyboard.
        <pre className="mt-2 mb-0 overflow-x-auto font-mono text-caption whitespace-pre text-danger" tabIndex={0} aria-label="Traceback">
          {traceback.join('\n')}
        </pre>
      ) : null}
    </Panel>
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

const cell = 'border-b border-border py-1 pr-2 text-left align-top'
/** A task's cell: the running task's row stands out, a finished one's fades. */
const rowCell = (task: TaskView, running: string | null) =>
  `${cell} ${task.name === running ? 'font-bold' : ''} ${task.state === 'done' ? 'text-muted' : task.name === running ? 'text-async' : ''}`

function TaskTable({ tasks, running }: { tasks: TaskView[]; running: string | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-body">
        <thead>
          <tr>
            <th scope="col" className={`${cell} text-label text-muted`}>Task</th>
            <th scope="col" className={`${cell} text-label text-muted`}>Coroutine</th>
            <th scope="col" className={`${cell} text-label text-muted`}>State</th>
            <th scope="col" className={`${cell} text-label text-muted`}>Waiting on / result</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.name} data-state={task.state} aria-current={task.name === running ? 'true' : undefined}>
              <th scope="row" className={`${cell} whitespace-nowrap ${task.name === running ? 'font-bold text-async' : ''}`}>
                {task.name}
              </th>
              <td className={rowCell(task, running)}>
                <code>{task.stack.map((s) => `${s.fn}()`).join(' → ')}</code>
              </td>
              <td className={rowCell(task, running)}>{stateLabel(task)}</td>
              <td className={rowCell(task, running)}>
                <code>{task.state === 'done' ? task.result : (task.waitingOn ?? '')}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
