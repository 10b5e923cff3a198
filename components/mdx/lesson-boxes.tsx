import type { ReactNode } from 'react'

/** The list of outcomes at the top of every lesson. */
export function YouWillLearn({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="you-will-learn" className="lesson-box lesson-box-learn">
      <p id="you-will-learn" className="lesson-box-title">
        You will learn
      </p>
      {children}
    </section>
  )
}

/** The short summary that closes every lesson. */
export function Recap({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="recap" className="lesson-box lesson-box-recap">
      <p id="recap" className="lesson-box-title">
        Recap
      </p>
      {children}
    </section>
  )
}
