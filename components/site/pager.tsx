import Link from 'next/link'
import type { Lesson } from '@/content/lessons'

const link = 'grid gap-1 rounded-card border border-border px-5 py-4 text-text no-underline hover:border-accent'
const label = 'text-small text-muted'

/** Previous and next lesson, at the foot of a lesson. */
export function Pager({ previous, next }: { previous?: Lesson; next?: Lesson }) {
  if (!previous && !next) return null
  return (
    <nav aria-label="Previous and next lesson" className="mx-auto mt-16 grid max-w-3xl grid-cols-2 gap-4 presenter:hidden">
      {previous ? (
        <Link href={`/learn/${previous.slug}`} rel="prev" className={link}>
          <span className={label}>← Previous</span>
          <span className="font-demi">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/learn/${next.slug}`} rel="next" className={`${link} text-right`}>
          <span className={label}>Next →</span>
          <span className="font-demi">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  )
}
