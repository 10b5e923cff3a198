'use client'

import type { KeyboardEvent } from 'react'
import { useId, useRef, useState } from 'react'
import { bool, choice } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo, type Outcome } from '@/components/demo-kit/use-demo'
import {
  blocked,
  finished,
  initial,
  instruction,
  narrate,
  outcome,
  program,
  step,
  switchPoint,
  threadIds,
  undo,
  type Interpreter,
  type RaceState,
  type Setup,
  type ThreadId,
} from './race-stepper'
import { interpreterHelp, interpreters } from './interpreters'

const controls = {
  interpreter: choice({ label: 'Interpreter', options: interpreters, default: 'gil', help: interpreterHelp }),
  lock: bool({ label: 'Guard it with a lock (with lock:)', default: false }),
}

type Board = { state: RaceState; said: string[] }

type Result = { interpreter: Interpreter; lock: boolean; value: number; lostUpdate: boolean; schedule: string }

const sameSetup = (a: Setup, b: Setup) => a.interpreter === b.interpreter && a.withLock === b.withLock

function finish(state: RaceState): Outcome<Result> {
  const { value, lostUpdate } = outcome(state)!
  const { interpreter, withLock } = state.setup
  const summary = lostUpdate
    ? `Lost update! Both threads ran the increment, yet value is ${value}. Each loaded the old value before the other stored.`
    : withLock
      ? `value is ${value}. With the lock, a thread cannot load until the other has stored and released: no schedule loses an update.`
      : interpreter === 'gil'
        ? `value is ${value}. With the GIL, a thread keeps it from LOAD to STORE: no switch point lies in between, so no schedule loses an update. Pick “a call inside the increment” and try again.`
        : `value is ${value}: no update lost this time. Try again, and let one thread load before the other stores.`
  return { result: { interpreter, lock: withLock, value, lostUpdate, schedule: state.schedule.join('') }, summary }
}

/** Why a thread's button does nothing now, in a few words. */
const blockedText = { finished: 'Finished.', 'waiting for the GIL': 'Waiting for the GIL.', 'waiting for the lock': 'Blocked: waiting for the lock.' } as const

function Key({ children }: { children: string }) {
  return <kbd className="rounded border border-border bg-bg px-1.5 font-mono text-xs text-text">{children}</kbd>
}

/** The learner is the scheduler: pick which thread runs its next bytecode step, and try to lose an update. */
export function RaceStepperDemo() {
  const [board, setBoard] = useState<Board | null>(null)
  const [notice, setNotice] = useState('')
  const whyId = useId()
  // Refs, not state: two quick key presses must each see the other's step before React re-renders.
  const latest = useRef<Board | null>(null)
  const session = useRef<((outcome: Outcome<Result>) => void) | null>(null)
  const resume = useRef<Board | null>(null)

  const show = (next: Board) => {
    latest.current = next
    setBoard(next)
  }

  const demo = useDemo({
    id: 'race-stepper',
    controls,
    // Runs until the learner has stepped both threads to the end (or presses Stop).
    run: ({ interpreter, lock }, { signal }) => {
      const setup = { interpreter, withLock: lock }
      show(resume.current && sameSetup(resume.current.state.setup, setup) ? resume.current : { state: initial(setup), said: [] })
      resume.current = null
      return new Promise<Outcome<Result>>((resolve) => {
        session.current = resolve
        signal.addEventListener('abort', () => (session.current = null), { once: true })
      })
    },
  })

  const setup: Setup = { interpreter: demo.values?.interpreter ?? 'gil', withLock: demo.values?.lock ?? false }
  const { withLock } = setup
  const current = (): Board => {
    const b = latest.current
    return b && sameSetup(b.state.setup, setup) ? b : { state: initial(setup), said: [] }
  }
  const shown = board && sameSetup(board.state.setup, setup) ? board : { state: initial(setup), said: [] }
  const { state, said } = shown
  const result = finished(state) ? outcome(state) : null

  /** Applies a step or an undo; starts a run first if none is going (the first step, or an undo after the end). */
  function apply(next: Board) {
    if (!session.current) {
      resume.current = next
      // `run` executes synchronously inside this call, so the session exists right after it.
      void demo.run()
      return
    }
    show(next)
    if (finished(next.state)) {
      session.current(finish(next.state))
      session.current = null
    }
  }

  function stepThread(id: ThreadId) {
    const now = current()
    // A finished run starts over on the next step.
    const from = finished(now.state) ? { state: initial(setup), said: [] } : now
    const why = blocked(from.state, id)
    if (why === 'finished') return setNotice(`Thread ${id} has finished its steps.`)
    if (why === 'waiting for the GIL') {
      return setNotice(`Thread ${id} cannot step: thread ${from.state.gilHolder} holds the GIL and keeps it until a switch point (⇄).`)
    }
    if (why) return setNotice(`Thread ${id} cannot step: it is waiting for the lock, which thread ${from.state.lockHolder} holds.`)
    const line = narrate(from.state, id)
    setNotice(line)
    apply({ state: step(from.state, id), said: [...from.said, line] })
  }

  function undoStep() {
    const now = current()
    if (!now.state.schedule.length) return setNotice('Nothing to undo.')
    setNotice(`Undid: ${now.said.at(-1) ?? 'the last step'}`)
    apply({ state: undo(now.state), said: now.said.slice(0, -1) })
  }

  function startOver() {
    setNotice('Back to the start: value is 0.')
    if (session.current) show({ state: initial(setup), said: [] })
    else void demo.run()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const key = event.key.toLowerCase()
    if (key === 'a' || key === 'b') stepThread(key.toUpperCase() as ThreadId)
    else if (key === 'u' || key === 'z') undoStep()
    else return
    event.preventDefault()
  }

  return (
    <DemoFrame
      demo={demo}
      title="You are the scheduler"
      description={
        <p>
          {setup.interpreter === 'gil-call' ? (
            <>
              Two threads each run <code>value = add_one(value)</code>: load the value, call <code>add_one</code>, which adds 1, and store the result.
            </>
          ) : (
            <>
              Two threads each run <code>value += 1</code>, which CPython executes as three steps: load the value, add 1, store it back.
            </>
          )}{' '}
          Choose which thread takes each step. Can you make two increments add up to 1?
          {setup.interpreter === 'free-threaded' ? ' Without a GIL, either thread may step at any time.' : ' With the GIL, threads switch only at a switch point (⇄), as in CPython 3.10 and later.'}
        </p>
      }
      runLabel="from the start"
    >
      <div role="group" aria-label="Scheduler (keys: A and B step a thread, U undoes)" onKeyDown={onKeyDown}>
        <div className="grid gap-3 md:grid-cols-[1fr_auto_1fr]">
          {threadIds.map((id, column) => {
            const thread = state.threads[id]
            const why = blocked(state, id)
            const steps = program(setup)
            const gil = setup.interpreter !== 'free-threaded'
            return (
              <section
                key={id}
                aria-label={`Thread ${id}`}
                className={`rounded-lg border border-border bg-bg p-3 ${column === 1 ? 'md:order-3' : ''}`}
              >
                <h4 className="m-0 text-base font-bold">Thread {id}</h4>
                <ol className="my-2 list-none p-0 font-mono text-sm">
                  {steps.map((op, i) => (
                    <li
                      key={i}
                      aria-current={i === thread.pc ? 'step' : undefined}
                      className={`flex gap-2 rounded px-1.5 py-0.5 ${
                        i === thread.pc ? 'bg-thread-soft font-bold' : i < thread.pc ? 'text-muted' : ''
                      }`}
                    >
                      <span aria-hidden="true" className="w-3">
                        {i === thread.pc ? '▶' : i < thread.pc ? '✓' : ''}
                      </span>
                      <span>
                        {instruction[op]}
                        {gil && switchPoint(op) ? (
                          <span title="The GIL may change hands after this step">
                            {' '}
                            <span aria-hidden="true">⇄</span>
                            <span className="sr-only">(switch point)</span>
                          </span>
                        ) : null}
                        {i < thread.pc ? <span className="sr-only"> (done)</span> : null}
                      </span>
                    </li>
                  ))}
                </ol>
                <p className="m-0 text-sm">
                  Its own copy: <strong className="font-mono">{thread.local ?? '—'}</strong>
                </p>
                <button
                  type="button"
                  className="button mt-2 w-full"
                  aria-disabled={why !== null && !result}
                  aria-keyshortcuts={id}
                  aria-describedby={why && !result ? `${whyId}-${id}` : undefined}
                  onClick={() => stepThread(id)}
                >
                  Step thread {id}
                </button>
                {why && !result ? (
                  <p id={`${whyId}-${id}`} className="m-0 mt-1 text-sm text-muted">
                    {blockedText[why]}
                  </p>
                ) : null}
              </section>
            )
          })}
          <section aria-label="Shared memory" className="flex flex-col items-center justify-center gap-2 rounded-lg bg-surface-2 p-3 md:order-2">
            <p className="m-0 text-xs font-semibold tracking-wider text-muted uppercase">Shared</p>
            <p className="m-0 font-mono text-2xl font-bold">
              value = <span>{state.value}</span>
            </p>
            {withLock ? (
              <p className="m-0 text-sm">lock: {state.lockHolder ? `held by ${state.lockHolder}` : 'free'}</p>
            ) : null}
            {setup.interpreter === 'free-threaded' ? (
              <p className="m-0 text-sm">no GIL</p>
            ) : (
              <p className="m-0 text-sm">GIL: {state.gilHolder ? `held by ${state.gilHolder}` : 'free at a switch point'}</p>
            )}
          </section>
        </div>
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" className="button" aria-keyshortcuts="U" onClick={undoStep}>
            Undo
          </button>
          <button type="button" className="button" onClick={startOver}>
            Start over
          </button>
          <p className="m-0 self-center text-sm text-muted">
            Keys: <Key>A</Key> and <Key>B</Key> step a thread, <Key>U</Key> undoes.
          </p>
        </div>
        <p aria-live="polite" className="mt-2 mb-0 min-h-6 text-sm">
          {notice}
        </p>
        {result ? (
          <p
            className={`mt-2 mb-0 rounded-lg border-l-4 px-3 py-2 font-semibold ${
              result.lostUpdate
                ? 'border-danger bg-danger-soft text-danger'
                : 'border-success bg-success-soft text-success'
            }`}
          >
            {result.lostUpdate ? `You lost an update: value is ${result.value}, not 2.` : `value is ${result.value}: both updates counted.`}
          </p>
        ) : null}
        {said.length ? (
          <ol className="mt-3 mb-0 list-decimal pl-6 text-sm text-muted" aria-label="Steps so far">
            {said.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        ) : null}
      </div>
    </DemoFrame>
  )
}
