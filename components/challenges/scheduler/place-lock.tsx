'use client'

import { useId, useRef, useState } from 'react'
import { count } from '@/lib/format'
import { useChallenge } from '@/components/mdx/challenge-client'
import { over } from './break-it'
import { violation } from './invariants'
import { blocked, initial, narrate, replay, step, undo, type World } from './machine'
import { bodyLines, placed, programs, validPlacement, withLock, type Lockable, type Placement, type Program } from './programs'
import { prove, type Proof } from './search'
import { SchedulerBoard } from './scheduler-board'

const interpreterName = { gil: 'with the GIL', 'free-threaded': 'free-threaded' } as const

/** The ticked lines as a placement, or why they are not one. */
function placementOf(source: string, ticked: number[]): Placement | null | string {
  if (!ticked.length) return null
  const sorted = [...ticked].sort((a, b) => a - b)
  const placement = [sorted[0]!, sorted.at(-1)!] as const
  const range = placement[0] === placement[1] ? `Line ${placement[0]}` : `Lines ${placement[0]}–${placement[1]}`
  if (sorted.some((line, i) => i > 0 && line !== sorted[i - 1]! + 1)) return 'The lines under ‘with lock:’ must be next to each other.'
  return validPlacement(source, placement)
    ? placement
    : `${range} ${placement[0] === placement[1] ? 'is not a whole statement' : 'are not whole statements'}: ‘with lock:’ must cover an ‘if’ with all of its block, or only lines inside the block.`
}

type Playback = { proof: Proof; world: World; said: string[] }

/**
 * "Place the lock": the learner chooses the lines `with lock:` covers, in the function every thread
 * runs. Check searches every schedule, with the GIL and free-threaded; a placement that fails gets
 * the shortest schedule that breaks it, to replay step by step.
 */
export function PlaceLock({ program: id }: { program: Lockable }) {
  const { attempt } = useChallenge()
  const base = useId()
  const source = programs[id].threads[0]!.source
  const [ticked, setTicked] = useState<number[]>([])
  const [proofs, setProofs] = useState<Proof[] | null>(null)
  const [playback, setPlayback] = useState<Playback | null>(null)
  const [notice, setNotice] = useState('')
  const latest = useRef<Playback | null>(null)
  const show = (next: Playback | null) => {
    latest.current = next
    setPlayback(next)
  }
  const placement = placementOf(source, ticked)
  const shown = typeof placement === 'string' ? null : withLock(source, placement)
  const watch = programs[id].watch

  function check() {
    setNotice('')
    if (typeof placement === 'string') {
      setProofs(null)
      show(null)
      return attempt({ solved: false, message: placement })
    }
    const program = placed(id, placement)
    const results = (['gil', 'free-threaded'] as const).map((interpreter) => prove(program, interpreter))
    setProofs(results)
    const failed = results.find((p) => p.counterexample)
    if (!failed) {
      show(null)
      const [gil, free] = results as [Proof, Proof]
      return attempt({
        solved: true,
        message: `No schedule breaks it: all ${count(gil.schedules)} schedules with the GIL and all ${count(free.schedules)} free-threaded (a switch after any instruction) end with ${watch} = ${sequentialEnd(program)}, as when the threads run one after the other.`,
      })
    }
    const picks = failed.counterexample!
    const end = replay(program, failed.interpreter, picks)
    const where = placement ? `With the lock around ${placement[0] === placement[1] ? `line ${placement[0]}` : `lines ${placement[0]}–${placement[1]}`}` : 'With no lock'
    attempt({
      solved: false,
      message: `${where}, ${count(failed.broken)} of ${count(failed.schedules)} schedules ${interpreterName[failed.interpreter]} break it. The shortest, ${picks.map((t) => end.threads[t]!.name).join(' ')}: ${violation(end)} Replay it below.`,
    })
    show({ proof: failed, world: initial(program, failed.interpreter), said: [] })
  }

  function pick(t: number) {
    const now = latest.current
    if (!now) return
    const { world, said } = now
    if (over(world)) return setNotice('This run is over: Start over to replay it again.')
    const why = blocked(world, t)
    if (why) return setNotice(why.why === 'finished' ? `${world.threads[t]!.name} has finished.` : `${world.threads[t]!.name} cannot run: it waits for ${why.on}.`)
    const next = step(world, t)
    const line = narrate(next)
    const broken = violation(next)
    show({ ...now, world: next, said: [...said, line] })
    setNotice(broken ? `${line} ${broken}` : line)
  }

  const nextPick = playback && !over(playback.world) ? playback.proof.counterexample![playback.world.steps.length] : undefined
  const following = nextPick !== undefined && playback!.world.steps.every((s, i) => s.thread === playback!.proof.counterexample![i])

  return (
    <div className="not-prose mt-2 text-sm">
      <pre className="m-0 overflow-x-auto rounded bg-surface-2 p-2 font-mono text-xs">{`${programs[id].setup}lock = threading.Lock()`}</pre>
      <fieldset className="mt-3">
        <legend className="font-semibold">Put these lines inside <code>with lock:</code></legend>
        <ul className="m-0 list-none p-0 font-mono text-xs">
          {source
            .trimEnd()
            .split('\n')
            .map((text, i) => {
              const line = i + 1
              const lockable = bodyLines(source).some((b) => b.line === line)
              return (
                <li key={line} className="flex min-h-6 items-center gap-2">
                  {lockable ? (
                    <input
                      id={`${base}-${line}`}
                      type="checkbox"
                      checked={ticked.includes(line)}
                      onChange={(event) => setTicked((now) => (event.target.checked ? [...now, line] : now.filter((l) => l !== line)))}
                    />
                  ) : (
                    <span className="inline-block w-[13px]" />
                  )}
                  <label htmlFor={lockable ? `${base}-${line}` : undefined} className="whitespace-pre">
                    <span className="text-muted">{String(line).padStart(2)}</span>
                    {lockable ? <span className="sr-only">, inside with lock:</span> : null} {text}
                  </label>
                </li>
              )
            })}
        </ul>
      </fieldset>
      <p className="m-0 mt-2" id={`${base}-shows`}>
        {typeof placement === 'string' ? placement : placement ? 'Every thread runs:' : 'No lines ticked: every thread runs the function as it is.'}
      </p>
      {shown ? <pre className="m-0 mt-1 overflow-x-auto rounded bg-surface-2 p-2 font-mono text-xs">{shown.trimEnd()}</pre> : null}
      <div className="mt-2">
        <button type="button" className="button button-primary" onClick={check}>
          Check every schedule
        </button>
      </div>
      {proofs ? (
        <ul className="m-0 mt-2 list-none p-0" aria-label="Schedules checked">
          {proofs.map((p) => (
            <li key={p.interpreter}>
              {p.interpreter === 'gil' ? 'With the GIL (CPython 3.11)' : 'Free-threaded (3.13t), a switch after any instruction'}: {count(p.schedules)} schedules through{' '}
              {count(p.states)} states; {p.broken ? <strong className="text-danger">{count(p.broken)} break it</strong> : 'none breaks it'}.
            </li>
          ))}
        </ul>
      ) : null}
      {playback ? (
        <div className="mt-3">
          <p className="m-0 font-semibold">
            Replay the counterexample ({interpreterName[playback.proof.interpreter]}): {playback.proof.counterexample!.map((t) => playback.world.threads[t]!.name).join(' ')}
          </p>
          <SchedulerBoard
            world={playback.world}
            said={playback.said}
            notice={notice}
            over={over(playback.world)}
            onPick={pick}
            onUndo={() => {
              const now = latest.current!
              if (now.world.steps.length) show({ ...now, world: undo(now.world), said: now.said.slice(0, -1) })
            }}
            onReset={() => {
              show({ ...latest.current!, world: initial(latest.current!.world.program, playback.proof.interpreter), said: [] })
              setNotice('Back to the start of the counterexample.')
            }}
            extra={
              following ? (
                <button type="button" className="button button-primary" onClick={() => pick(nextPick)}>
                  Next step: {playback.world.threads[nextPick]!.name}
                </button>
              ) : null
            }
          />
        </div>
      ) : null}
    </div>
  )
}

/** What the watched variable ends at when the threads run one after the other. */
function sequentialEnd(program: Program): string {
  let world = initial(program, 'gil')
  for (let t = 0; t < world.threads.length; t++) while (!blocked(world, t)) world = step(world, t)
  return String(world.globals[program.watch])
}
