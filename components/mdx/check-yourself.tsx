import type { ReactNode } from 'react'
import { Children, isValidElement } from 'react'
import { CheckYourselfClient, type CheckYourselfProps } from './check-yourself-client'
import { orderChoices } from './choice-order'

/** The explanation shown once a `<CheckYourself>` question is answered or revealed. */
export function Explanation({ children }: { children: ReactNode }) {
  return <>{children}</>
}

/**
 * A question with feedback. Children are the prompt (e.g. code to predict) and an `<Explanation>`.
 * They are told apart here, on the server: in the browser, elements from the server arrive as
 * lazy references and no longer compare equal to `Explanation`.
 * The choices are shown in an order of their own, fixed by the question's id (`orderChoices`).
 */
export function CheckYourself({ children, id, choices, answer, ...props }: CheckYourselfProps & { children?: ReactNode }) {
  const parts = Children.toArray(children)
  const explanation = parts.find((part) => isValidElement(part) && part.type === Explanation)
  const prompt = parts.filter((part) => part !== explanation)
  const shown = orderChoices(id, choices, answer)
  return (
    <CheckYourselfClient
      {...props}
      id={id}
      choices={shown.choices}
      answer={shown.answer}
      prompt={prompt.length ? prompt : null}
      explanation={explanation ?? null}
    />
  )
}
