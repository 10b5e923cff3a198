import type { ReactNode } from 'react'
import { Children, isValidElement } from 'react'
import { ChallengeClient } from './challenge-client'

/** One hint of a `<Challenge>`: hints are revealed one at a time, in the order written. */
export function Hint({ children }: { children: ReactNode }) {
  return <>{children}</>
}

/** A `<Challenge>`'s worked solution: shown on request, once the learner has tried at least once. */
export function Solution({ children }: { children: ReactNode }) {
  return <>{children}</>
}

/**
 * A hands-on task with a check. Children: the task (a sentence or two of prose), the interactive
 * part that checks an attempt (a component calling `useChallenge().attempt`), `<Hint>`s and one
 * `<Solution>`. They are told apart here, on the server, as `<CheckYourself>` does: projected, the
 * check stands beside the rest.
 */
export function Challenge({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  const parts = Children.toArray(children)
  const hints = parts.filter((part) => isValidElement(part) && part.type === Hint)
  const solution = parts.find((part) => isValidElement(part) && part.type === Solution)
  if (!solution) throw new Error(`<Challenge id="${id}">: needs a <Solution>`)
  const task = parts.filter((part) => part !== solution && !hints.includes(part))
  // The task is prose (host elements: p, ul…) around one interactive check, a component of its own.
  const checks = task.filter((part) => isValidElement(part) && typeof part.type !== 'string')
  if (checks.length !== 1) throw new Error(`<Challenge id="${id}">: needs one interactive check beside its prose, found ${checks.length}`)
  return (
    <ChallengeClient id={id} title={title} hints={hints} solution={solution} task={task.filter((part) => part !== checks[0])}>
      {checks[0]}
    </ChallengeClient>
  )
}
