import Link from 'next/link'
import type { Lesson } from '@/content/lessons'

/** Previous and next lesson, at the foot of a lesson. */
export function Pager({ previous, next }: { previous?: Lesson; next?: Lesson }) {
  if (!previous && !next) return null
  return (
    <nav aria-label="Previous and next lesson" className="pager">
      {previous ? (
        <Link href={`/learn/${previous.slug}`} rel="prev" className="pager-link">
          <span className="pager-label">← Previous</span>
          <span className="pager-title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/learn/${next.slug}`} rel="next" className="pager-link pager-next">
          <span className="pager-label">Next →</span>
          <span className="pager-title">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  )
}
