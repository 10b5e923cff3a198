import type { ReactNode } from 'react'

const box = 'my-8 rounded-card border border-border bg-surface px-[1.4rem] py-[1.1rem] [&>ul]:mb-0'
const title = 'not-prose kicker mb-1'

/** The list of outcomes at the top of every lesson. */
export function YouWillLearn({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="you-will-learn" className={box}>
      <p id="you-will-learn" className={title}>
        You will learn
      </p>
      {children}
    </section>
  )
}

/** The short summary that closes every lesson. */
export function Recap({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="recap" className={box}>
      <p id="recap" className={title}>
        Recap
      </p>
      {children}
    </section>
  )
}
