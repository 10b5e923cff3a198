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

type Props = { id: string; title: string; task: ReactNode[]; hints: ReactNode[]; solution: ReactNode; children: ReactNode }

/**
 * Projected (presenter mode, a wide screen), a challenge is one slide that never scrolls: the task and
 * the feedback on the left, the check (board, editor, fields) on the right, each scrolling inside
 * itself if it must. Its height leaves the slide's top margin (1.5rem) and the presenter's toolbar
 * (h-10, components/site/presenter.tsx) with some air. `m-0!`: the lesson's article gives a card its
 * margin with a more specific selector (`[&>.check]:my-8`, app/learn/[slug]/page.tsx).
 */
const slide =
  'presenter:lg:m-0! presenter:lg:grid presenter:lg:h-[calc(100dvh-4.75rem)] presenter:lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] presenter:lg:grid-rows-[auto_auto_minmax(0,1fr)] presenter:lg:gap-x-6 presenter:lg:p-4 presenter:lg:leading-snug'

/** A challenge: the task and its check, the verdict of the last attempt, hints one at a time, the solution after a try. */
export function ChallengeClient({ id, title, task, hints, solution, children }: Props) {
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
    <section className={`check ${slide}`} aria-labelledby={`${base}-title`} data-challenge={id} data-state={solved ? 'solved' : 'unsolved'}>
      <div className="not-prose presenter:lg:col-start-1">
        <div className="flex items-center justify-between gap-3">
          <p className="kicker">Challenge</p>
          {solved ? (
            <p className="m-0 text-sm font-semibold text-success">
              <span aria-hidden="true">✓ </span>Solved
            </p>
          ) : null}
        </div>
        <h3 id={`${base}-title`} className="check-question not-prose">
          {title}
        </h3>
      </div>
      <div className="mt-1 presenter:lg:col-start-1 presenter:lg:*:first:mt-0 presenter:lg:*:last:mb-0">{task}</div>
      <ChallengeContext value={context}>
        <div className="presenter:lg:col-start-2 presenter:lg:row-span-full presenter:lg:flex presenter:lg:min-h-0 presenter:lg:flex-col presenter:lg:overflow-auto presenter:lg:*:min-h-0 presenter:lg:*:flex-1">
          {children}
        </div>
      </ChallengeContext>
      <div className="presenter:lg:col-start-1 presenter:lg:row-start-3 presenter:lg:min-h-0 presenter:lg:overflow-auto">
        <div aria-live="polite" className="not-prose">
          {/* A verdict runs to several lines: the state in colour and bold, the why in body text. */}
          {verdict ? (
            <p className={`mt-4 mb-0 border-l-4 pl-3 ${verdict.solved ? 'border-success' : 'border-danger'}`} data-verdict={verdict.solved ? 'solved' : 'unsolved'}>
              <strong className={verdict.solved ? 'text-success' : 'text-danger'}>{verdict.solved ? 'Solved.' : 'Not yet.'}</strong> {verdict.message}
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
      </div>
    </section>
  )
}
