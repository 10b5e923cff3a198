'use client'

import { usePathname } from 'next/navigation'
import type { ReactNode } from 'react'
import { useId, useState } from 'react'
import { recordAnswer, useProgress } from '@/components/site/progress'
import { useHydrated } from '@/components/site/use-hydrated'

export type CheckYourselfProps = {
  /** Stable within the lesson: the saved answer is keyed by it. */
  id: string
  question: string
  choices: string[]
  /** Index of the right choice. */
  answer: number
  /** `predict`: the choices are program output, shown as code. */
  kind?: 'choice' | 'predict'
}

type Slots = {
  /** Code or text shown above the choices. */
  prompt: ReactNode
  /** Shown once the question is answered or the answer revealed. */
  explanation: ReactNode
}

/** A question with feedback: pick an answer, check it, read why. The answer is kept on this device. */
export function CheckYourselfClient({ id, question, choices, answer, kind = 'choice', prompt, explanation }: CheckYourselfProps & Slots) {
  const base = useId()
  const slug = usePathname().split('/').at(-1) ?? ''
  const saved = useProgress()[slug]?.answers?.[id]
  const hydrated = useHydrated()
  const [picked, setPicked] = useState<number | null>(null)

  const selected = picked ?? saved?.choice ?? null
  const checked = saved?.choice ?? null
  const correct = saved?.correct === true
  const finished = correct || saved?.revealed === true

  return (
    <section className="check not-prose" aria-labelledby={`${base}-q`} data-check={id}>
      <p className="check-kicker">{kind === 'predict' ? 'Predict the output' : 'Check yourself'}</p>
      <p id={`${base}-q`} className="check-question">
        {question}
      </p>
      {prompt ? <div className="check-prompt">{prompt}</div> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (selected !== null) recordAnswer(slug, id, { choice: selected, correct: selected === answer })
        }}
      >
        {/* Disabled until hydrated: a choice made earlier would show as picked, but React would not know it. */}
        <fieldset className="check-choices" disabled={!hydrated}>
          <legend className="sr-only">{question}</legend>
          {choices.map((choice, i) => {
            const state = finished && i === answer ? 'right' : checked === i && !correct ? 'wrong' : undefined
            return (
              <label key={i} className="check-choice" data-state={state}>
                <input
                  type="radio"
                  name={`${base}-choice`}
                  value={i}
                  checked={selected === i}
                  onChange={() => setPicked(i)}
                  disabled={finished}
                />
                <span className={kind === 'predict' ? 'check-output' : undefined}>{choice}</span>
              </label>
            )
          })}
        </fieldset>
        <div className="check-actions">
          <button type="submit" className="button button-primary" disabled={selected === null || finished}>
            Check answer
          </button>
          {!finished && checked !== null ? (
            <button
              type="button"
              className="button"
              onClick={() => recordAnswer(slug, id, { choice: checked, correct: false, revealed: true })}
            >
              Show the answer
            </button>
          ) : null}
        </div>
      </form>
      <div aria-live="polite" className="check-feedback">
        {checked !== null && !finished ? (
          <p className="check-verdict check-verdict-wrong">Not quite. Think it through once more, or show the answer.</p>
        ) : null}
        {finished ? (
          <>
            <p className={`check-verdict ${correct ? 'check-verdict-right' : ''}`}>
              {correct ? 'Correct.' : `The answer is: ${choices[answer]}`}
            </p>
            {explanation ? <div className="check-explanation">{explanation}</div> : null}
          </>
        ) : null}
      </div>
    </section>
  )
}
