'use client'

import type { KeyboardEvent, ReactNode } from 'react'
import { useId, useMemo } from 'react'
import { normalPath, type Instruction } from './bytecode'
import { blocked, code, holder, switchMarks, type World } from './machine'

function Key({ children }: { children: string }) {
  return <kbd className="rounded border border-border bg-bg px-1.5 font-mono text-xs text-text">{children}</kbd>
}

type Cursor = { name: string; state: 'next' | 'done' | 'todo' }

/** A `dis` row: where each thread running this code stands, then offset, opname and argument, with ⇄ where the GIL may change hands. */
function Row({ ins, cursors, mark }: { ins: Instruction; cursors: Cursor[]; mark?: { before: boolean; after: boolean } }) {
  const swap = (
    <span title="The GIL may change hands here">
      <span aria-hidden="true">⇄</span>
      <span className="sr-only">(switch point)</span>
    </span>
  )
  const next = cursors.filter((c) => c.state === 'next')
  const allDone = cursors.every((c) => c.state === 'done')
  return (
    <li
      aria-current={next.length ? 'step' : undefined}
      className={`grid gap-1 rounded px-1 ${next.length ? 'bg-thread-soft font-bold' : allDone ? 'text-muted' : ''}`}
      style={{ gridTemplateColumns: `repeat(${cursors.length}, 1.25rem) 2.5rem 1fr` }}
    >
      {cursors.map((c) => (
        <span key={c.name} aria-hidden="true" className="text-center" title={c.state === 'next' ? `${c.name} runs this next` : undefined}>
          {c.state === 'next' ? '▶' : c.state === 'done' ? '✓' : ''}
        </span>
      ))}
      <span className="text-right">{ins.offset}</span>
      <span>
        {mark?.before ? <>{swap} </> : null}
        {ins.opname}
        {ins.argrepr ? ` ${ins.argrepr}` : ''}
        {mark?.after ? <> {swap}</> : null}
        {next.length ? <span className="sr-only"> (next for {next.map((c) => c.name).join(' and ')})</span> : null}
        {cursors.length === 1 && allDone ? <span className="sr-only"> (done)</span> : null}
      </span>
    </li>
  )
}

/**
 * A function some threads run: each source line, then the instructions `dis` lists for it, in the
 * order `dis` lists them, with a column per thread for where it stands.
 */
function ThreadCode({ world, threads }: { world: World; threads: number[] }) {
  const t = threads[0]!
  const { source } = world.program.threads[t]!
  const instructions = code(world, t)
  const marks = useMemo(() => switchMarks(world.program, t), [world.program, t])
  const normal = useMemo(() => normalPath(instructions), [instructions])
  const done = threads.map((u) => new Set(world.steps.filter((s) => s.thread === u).flatMap((s) => s.ran)))
  const next = threads.map((u) => (world.threads[u]!.status === 'ready' ? instructions[world.threads[u]!.pc]!.offset : null))
  const cursors = (offset: number): Cursor[] =>
    threads.map((u, i) => ({ name: world.threads[u]!.name, state: next[i] === offset ? 'next' : done[i]!.has(offset) ? 'done' : 'todo' }))
  const label = threads.map((u) => world.threads[u]!.name).join(' and ')
  const lines = source.trimEnd().split('\n')
  const shown = instructions.filter((i) => normal.has(i.offset))
  const handler = instructions.length - shown.length
  const groups: { line: number; rows: Instruction[] }[] = []
  for (const ins of shown) {
    if (ins.startsLine !== null || !groups.length) groups.push({ line: ins.line ?? 1, rows: [] })
    groups.at(-1)!.rows.push(ins)
  }
  return (
    <div className="font-mono text-xs leading-5">
      <pre className="not-prose m-0 mb-2 rounded bg-surface-2 p-2 text-xs whitespace-pre-wrap">{lines.map((text, i) => `${String(i + 1).padStart(2)}  ${text}`).join('\n')}</pre>
      {threads.length > 1 ? (
        <p aria-hidden="true" className="m-0 grid gap-1 px-1 font-semibold text-muted" style={{ gridTemplateColumns: `repeat(${threads.length}, 1.25rem) 1fr` }}>
          {threads.map((u) => (
            <span key={u} className="text-center">
              {world.threads[u]!.name}
            </span>
          ))}
          <span />
        </p>
      ) : null}
      <ol className="m-0 list-none p-0" aria-label={threads.length > 1 ? `The bytecode ${label} run` : `${label}'s bytecode`}>
        {groups.map((group, g) => (
          <li key={g} className="mb-1">
            <p className="m-0 truncate font-semibold text-muted" title={lines[group.line - 1]}>
              line {group.line}: {lines[group.line - 1]!.trim()}
            </p>
            <ol className="m-0 list-none p-0">
              {group.rows.map((ins) => (
                <Row key={ins.offset} ins={ins} mark={marks.get(ins.offset)} cursors={cursors(ins.offset)} />
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {handler ? <p className="m-0 mt-1 text-muted">+ {handler} instructions of the <code>with</code> exception handler, run only if its block raises.</p> : null}
    </div>
  )
}

/** The shared variables and objects, and what the threads printed. */
function SharedState({ world }: { world: World }) {
  const names = Object.keys(world.program.shared)
  return (
    <section aria-label="Shared by the threads" className="rounded-lg bg-surface-2 p-3 text-sm">
      <p className="m-0 text-xs font-semibold tracking-wider text-muted uppercase">Shared</p>
      <ul className="m-0 mt-1 list-none p-0 font-mono">
        {names.map((name) => {
          const sync = world.sync[name]
          const value =
            sync?.kind === 'lock'
              ? holder(world, name)
                ? `locked by ${holder(world, name)}`
                : 'unlocked'
              : sync?.kind === 'semaphore'
                ? `counter ${sync.value}`
                : String(world.globals[name])
          return (
            <li key={name}>
              {name}: <strong>{value}</strong>
            </li>
          )
        })}
      </ul>
      {world.output.length ? (
        <>
          <p className="m-0 mt-2 text-xs font-semibold tracking-wider text-muted uppercase">Printed</p>
          <ol className="m-0 list-none p-0 font-mono" aria-label="Printed">
            {world.output.map((o, i) => (
              <li key={i}>
                {world.threads[o.thread]!.name}: {o.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}

type Props = {
  world: World
  /** The sentence of each step so far, in order. */
  said: string[]
  notice: string
  /** Set once the run is over: no thread takes another step until Start over. */
  over: boolean
  onPick: (t: number) => void
  onUndo: () => void
  onReset: () => void
  /** Extra controls beside Undo and Start over (a replay's Next step). */
  extra?: ReactNode
}

/** The learner is the scheduler: one button per thread runs it to its next switch point. */
export function SchedulerBoard({ world, said, notice, over, onPick, onUndo, onReset, extra }: Props) {
  const whyId = useId()
  const n = world.threads.length
  const free = world.interpreter === 'free-threaded'
  // Threads that all run one function share one listing, with a column each for where they stand.
  const shared = new Set(world.program.threads.map((th) => th.source)).size === 1

  function onKeyDown(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const key = event.key.toLowerCase()
    const t = Number(key) - 1
    if (Number.isInteger(t) && t >= 0 && t < n) onPick(t)
    else if (key === 'u') onUndo()
    else return
    event.preventDefault()
  }

  return (
    // Projected, the shared state, Undo and what just happened come before the (long) listing.
    <div role="group" aria-label={`Scheduler (keys: 1 to ${n} run a thread, U undoes)`} onKeyDown={onKeyDown} className="not-prose mt-3 presenter:lg:flex presenter:lg:flex-col">
      <div className={`grid gap-3 ${n === 3 ? 'sm:grid-cols-3' : 'sm:grid-cols-2'}`}>
        {world.threads.map((thread, t) => {
          const why = blocked(world, t)
          const reason =
            why?.why === 'finished'
              ? thread.status === 'raised'
                ? `Ended: ${thread.error}`
                : 'Finished.'
              : why?.why === 'waiting'
                ? `Waiting for ${why.on}${holder(world, why.on) ? `, which ${holder(world, why.on)} holds` : ''}.`
                : null
          return (
            <section key={thread.name} aria-label={`Thread ${thread.name}`} className="min-w-0 rounded-lg border border-border bg-bg p-3">
              <div className="mb-2 flex items-center justify-between gap-2">
                <h4 className="m-0 text-base font-bold">
                  {thread.name} runs <code>{world.program.threads[t]!.source.slice(4, world.program.threads[t]!.source.indexOf(')') + 1)}</code>
                </h4>
                <button
                  type="button"
                  className="button button-primary shrink-0 whitespace-nowrap aria-disabled:opacity-50"
                  aria-disabled={over || why !== null}
                  aria-keyshortcuts={String(t + 1)}
                  aria-describedby={reason ? `${whyId}-${t}` : undefined}
                  onClick={() => onPick(t)}
                >
                  Run {thread.name}
                </button>
              </div>
              {reason ? (
                <p id={`${whyId}-${t}`} className={`m-0 mb-2 text-sm ${thread.status === 'raised' ? 'text-danger' : 'text-muted'}`}>
                  {reason}
                </p>
              ) : null}
              {shared ? null : <ThreadCode world={world} threads={[t]} />}
            </section>
          )
        })}
      </div>
      {shared ? (
        <section aria-label="The code every thread runs" className="mt-3 rounded-lg border border-border bg-bg p-3 presenter:lg:order-last">
          <ThreadCode world={world} threads={world.threads.map((_, t) => t)} />
        </section>
      ) : null}
      <div className="mt-3 grid gap-3 md:grid-cols-[1fr_2fr]">
        <SharedState world={world} />
        <div>
          <div className="flex flex-wrap gap-2">
            {extra}
            <button type="button" className="button" aria-keyshortcuts="U" onClick={onUndo}>
              Undo
            </button>
            <button type="button" className="button" onClick={onReset}>
              Start over
            </button>
          </div>
          <p className="m-0 mt-2 text-sm text-muted">
            Keys: {world.threads.map((th, t) => <Key key={th.name}>{String(t + 1)}</Key>)} run a thread, <Key>U</Key> undoes.{' '}
            {free
              ? 'Free-threaded: each press runs one instruction.'
              : 'Each press runs the thread until the GIL may change hands (⇄), or until it blocks or ends.'}
          </p>
          <p aria-live="polite" className="m-0 mt-2 min-h-6 text-sm">
            {notice}
          </p>
          {said.length ? (
            <ol className="m-0 mt-2 list-decimal pl-6 text-sm text-muted presenter:lg:hidden" aria-label="Steps so far">
              {said.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          ) : null}
        </div>
      </div>
    </div>
  )
}
