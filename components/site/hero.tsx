import type { ReactNode } from 'react'

/** A page's opening: a kicker, the title and a lead paragraph (the home page and the 404). */
export function Hero({ kicker, title, lead }: { kicker: string; title: ReactNode; lead: ReactNode }) {
  return (
    <>
      <p className="kicker">{kicker}</p>
      <h1 className="mt-[0.6rem] mb-4 text-[clamp(2.1rem,5vw,3.4rem)] leading-[1.08] font-extrabold tracking-[-0.03em]">{title}</h1>
      <p className="mb-7 text-lead leading-[1.55] text-muted [&_code]:text-[0.9em]">{lead}</p>
    </>
  )
}
