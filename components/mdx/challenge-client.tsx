'use client'

import { usePathname } from 'next/navigation'
import type { ReactNode } from 'react'
import { createContext, useCallback, useContext, useId, useMemo, useState } from 'react'
import { recordAttempt, useProgress } from '@/components/site/progress'
import { useHydrated } from '@/components/site/use-hydrated'

/**
 * What a check says of one attempt. `message` says what was expected and what happened, in the
 * learner's terms: "3.0 s, not 1.0 s: the fetches still run one after another", never just "wrong".
 */
export type Verdict = { solved: boolean; message: string }

type ChallengeContextValue = {
  id: string
  /** Saved on this device: an attempt passed once. */
  solved: boolean
  /** Reports one checked attempt: shown under the task, and saved with the learner's progress. */
  attempt: (verdict: Verdict) => void
}

const ChallengeContext = createContext<ChallengeContextValue | null>(null)

/** The challenge around an interactive check: how the check reports an attempt. */
export function useChallenge(): ChallengeContextValue {
  const context = useContext(ChallengeContext)
  if (!context) throw new Error('useChallenge: only inside a <Challenge>')
  return context
}

type Props = { id: string; title: string; hints: ReactNode[]; solution: ReactNode; children: ReactNode }

/** A challenge: the task and its check, the verdict of the last attempt, hints one at a time, the solution after a try. */
export function ChallengeClient({ id, title, hints, solution, children }: Props) {
  const base = useId()
  const slug = usePathname().split('/').at(-1) ?? ''
  const saved = useProgress()[slug]?.challenges?.[id]
  const hydrated = useHydrated()
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [hintsShown, setHintsShown] = useState(0)
  const [solutionShown, setSolutionShown] = useState(false)
  const solved = Boolean(saved?.solved)
  const tried = (saved?.attempts ?? 0) > 0

  const attempt = useCallback(
    (next: Verdict) => {
      setVerdict(next)
      recordAttempt(slug, id, next.solved)
    },
    [slug, id],
  )
  const context = useMemo(() => ({ id, solved, attempt }), [id, solved, attempt])

  return (
    <section className="check" aria-labelledby={`${base}-title`} data-challenge={id} data-state={solved ? 'solved' : 'unsolved'}>
      <div className="not-prose flex items-center justify-between gap-3">
        <p className="check-kicker">Challenge</p>
        {solved ? (
          <p className="m-0 text-sm font-semibold text-success">
            <span aria-hidden="true">✓ </span>Solved
          </p>
        ) : null}
      </div>
      <p id={`${base}-title`} className="check-question not-prose">
        {title}
      </p>
      <ChallengeContext value={context}>
        <div className="mt-1">{children}</div>
      </ChallengeContext>
      <div aria-live="polite" className="not-prose">
        {verdict ? (
          <p className={`check-verdict ${verdict.solved ? 'check-verdict-right' : 'check-verdict-wrong'}`} data-verdict={verdict.solved ? 'solved' : 'unsolved'}>
            {verdict.solved ? 'Solved. ' : 'Not yet. '}
            {verdict.message}
          </p>
        ) : null}
      </div>
      {hintsShown > 0 ? (
        <ol className="mt-4" aria-label="Hints">
          {hints.slice(0, hintsShown).map((hint, i) => (
            <li key={i}>{hint}</li>
          ))}
        </ol>
      ) : null}
      {solutionShown ? (
        <div className="mt-4 border-t border-border pt-1" role="region" aria-label="Solution">
          {solution}
        </div>
      ) : null}
      <div className="check-actions not-prose">
        {hintsShown < hints.length ? (
          <button type="button" className="button" disabled={!hydrated} onClick={() => setHintsShown((n) => n + 1)}>
            Show a hint ({hintsShown + 1} of {hints.length})
          </button>
        ) : null}
        {!solutionShown ? (
          <button
            type="button"
            className="button"
            disabled={!hydrated || !(tried || solved)}
            aria-describedby={tried || solved ? undefined : `${base}-after`}
            onClick={() => setSolutionShown(true)}
          >
            Show the solution
          </button>
        ) : null}
        {!solutionShown && !(tried || solved) ? (
          <span id={`${base}-after`} className="self-center text-sm text-muted">
            After a first try.
          </span>
        ) : null}
      </div>
    </section>
  )
}
