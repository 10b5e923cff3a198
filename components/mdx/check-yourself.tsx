import type { ReactNode } from 'react'
import { Children, isValidElement } from 'react'
import { CheckYourselfClient, type CheckYourselfProps } from './check-yourself-client'

/** The explanation shown once a `<CheckYourself>` question is answered or revealed. */
export function Explanation({ children }: { children: ReactNode }) {
  return <>{children}</>
}

/**
 * A question with feedback. Children are the prompt (e.g. code to predict) and an `<Explanation>`.
 * They are told apart here, on the server: in the browser, elements from the server arrive as
 * lazy references and no longer compare equal to `Explanation`.
 */
export function CheckYourself({ children, ...props }: CheckYourselfProps & { children?: ReactNode }) {
  const parts = Children.toArray(children)
  const explanation = parts.find((part) => isValidElement(part) && part.type === Explanation)
  const prompt = parts.filter((part) => part !== explanation)
  return <CheckYourselfClient {...props} prompt={prompt.length ? prompt : null} explanation={explanation ?? null} />
}
