'use client'

import { useId, type ReactNode } from 'react'
import type { Snapshot, TaskView } from './scheduler'

/** One boxed part of the loop's state, with its small heading. */
function Panel({ title, hint, className, children, ...data }: { title: string; hint?: string; className?: string; children: ReactNode; 'data-blocked'?: string }) {
  const id = useId()
  return (
    <section aria-labelledby={id} className={`el-box demo-box${className ? ` ${className}` : ''}`} {...data}>
      <h4 id={id} className="el-heading demo-label">
        {hint ? `${title} ` : title}
        {hint ? <span className="el-hint">{hint}</span> : null}
      </h4>
      {children}
    </section>
  )
}

/** What runs now: a task (and where), one of the loop's own callbacks, or nothing. */
export function RunningPanel({ frame }: { frame: Snapshot | undefined }) {
  const task = frame?.tasks.find((t) => t.name === frame.running)
  return (
    <Panel title="Running now" className="el-running" data-blocked={frame?.blocked ? '' : undefined}>
      <p className="el-running-value">
        {!frame ? (
          '–'
        ) : task ? (
          <>
            <strong>{task.name}</strong> in <code>{task.stack.at(-1)!.fn}()</code>
            {frame.blocked ? <span className="el-blocked"> blocking the loop</span> : null}
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

type Chip = { label: string; kind: string; due?: boolean }

/** A queue in order, one chip a callback or timer; `empty` says so when there is none. */
function Chips({ chips, empty }: { chips: Chip[]; empty: string }) {
  if (!chips.length) return <p className="el-empty">{empty}</p>
  return (
    <ol className="el-queue">
      {chips.map((chip, i) => (
        <li key={i} className="el-chip" data-kind={chip.kind} data-due={chip.due ? '' : undefined}>
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
  return <Panel title="Tasks">{frame?.tasks.length ? <TaskTable tasks={frame.tasks} running={frame.running} /> : <p className="el-empty">none yet</p>}</Panel>
}

/** What the program printed by this frame; at a traced program's end, CPython's traceback too. */
export function OutputPanel({ frame, traceback }: { frame: Snapshot | undefined; traceback: string[] | null }) {
  return (
    <Panel title="Output">
      <pre className="el-output">{frame?.output.join('\n') || ' '}</pre>
      {traceback ? (
        // Focusable, so a long traceback can be scrolled sideways from the keyboard.
        <pre className="el-traceback" tabIndex={0} aria-label="Traceback">
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
