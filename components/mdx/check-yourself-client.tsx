'use client'

import { usePathname } from 'next/navigation'
import type { ReactNode } from 'react'
import { useId, useState } from 'react'
import { isAnswered, recordAnswer, useProgress } from '@/components/site/progress'
import { useHydrated } from '@/components/site/use-hydrated'

export type CheckYourselfProps = {
  /** Stable within the lesson: the saved answer is keyed by it. */
  id: string
  /** May hold `code` spans, written in backticks; so may the choices of a `choice` question. */
  question: string
  /** No two alike: an answer is saved by the text of its choice. */
  choices: string[]
  /** Index of the right choice in `choices`. */
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

/** Text with its backtick-quoted spans shown as code. */
function withCode(text: string): ReactNode {
  if (!text.includes('`')) return text
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))
}

/** A choice's tint says right or wrong once checked; the picked one keeps the accent edge. */
function choiceLook(state: 'right' | 'wrong' | undefined, picked: boolean) {
  const tint = state === 'right' ? 'bg-success-soft' : state === 'wrong' ? 'bg-danger-soft' : 'bg-bg'
  const edge = picked ? 'border-accent' : state === 'right' ? 'border-success' : state === 'wrong' ? 'border-danger' : 'border-border'
  return `${tint} ${edge}`
}

/** A question with feedback: pick an answer, check it, read why. The answer is kept on this device. */
export function CheckYourselfClient({ id, question, choices, answer, kind = 'choice', prompt, explanation }: CheckYourselfProps & Slots) {
  const base = useId()
  const slug = usePathname().split('/').at(-1) ?? ''
  const saved = useProgress()[slug]?.answers?.[id]
  const hydrated = useHydrated()
  const [picked, setPicked] = useState<number | null>(null)

  // The saved pick is a choice's text, found wherever that choice is shown. An answer saved as an
  // index, before choices had an order of their own, names no choice: it keeps only its verdict.
  const found = saved?.pick === undefined ? -1 : choices.indexOf(saved.pick)
  const checked = found === -1 ? null : found
  const selected = picked ?? checked
  const finished = isAnswered(saved)
  const correct = finished && checked === answer
  // Predicted output is shown as it is printed, backticks and all.
  const show = (choice: string) => (kind === 'predict' ? <span className="font-mono text-detail whitespace-pre-wrap">{choice}</span> : withCode(choice))

  return (
    <section className="check not-prose" aria-labelledby={`${base}-q`} data-check={id}>
      <p className="kicker">{kind === 'predict' ? 'Predict the output' : 'Check yourself'}</p>
      <p id={`${base}-q`} className="check-question">
        {withCode(question)}
      </p>
      {prompt ? <div className="[&_.code-block]:mt-0 [&_.code-block]:mb-4">{prompt}</div> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (selected !== null) recordAnswer(slug, id, { pick: choices[selected]!, correct: selected === answer })
        }}
      >
        {/* Disabled until hydrated: a choice made earlier would show as picked, but React would not know it. */}
        <fieldset className="grid gap-2" disabled={!hydrated}>
          <legend className="sr-only">{withCode(question)}</legend>
          {choices.map((choice, i) => {
            const state = finished && i === answer ? 'right' : checked === i && i !== answer ? 'wrong' : undefined
            return (
              <label key={i} className={`flex cursor-pointer items-start gap-[0.7rem] rounded-box border px-[0.8rem] py-[0.6rem] ${choiceLook(state, selected === i)}`} data-state={state}>
                <input
                  type="radio"
                  name={`${base}-choice`}
                  value={i}
                  checked={selected === i}
                  onChange={() => setPicked(i)}
                  disabled={finished}
                  className="mt-[0.35rem] accent-accent"
                />
                <span>{show(choice)}</span>
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
              onClick={() => recordAnswer(slug, id, { pick: choices[checked]!, correct: false, revealed: true })}
            >
              Show the answer
            </button>
          ) : null}
        </div>
      </form>
      <div aria-live="polite" className="check-feedback">
        {checked !== null && checked !== answer && !finished ? (
          <p className="check-verdict check-verdict-wrong">Not quite. Think it through once more, or show the answer.</p>
        ) : null}
        {finished ? (
          <>
            <p className={`check-verdict ${correct ? 'check-verdict-right' : ''}`}>
              {correct ? 'Correct.' : <>The answer is: {show(choices[answer]!)}</>}
            </p>
            {explanation ? <div className="mt-2 text-text [&_p]:my-2">{explanation}</div> : null}
          </>
        ) : null}
      </div>
    </section>
  )
}
