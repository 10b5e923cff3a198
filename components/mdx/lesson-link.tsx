import type { ReactNode } from 'react'
import type { LessonSlug } from '@/content/course'
import { writtenSlugs } from '@/content/written'
import { IntentLink } from '@/components/site/intent-link'

/** A link to another lesson, or plain text while that lesson is not published yet. */
export function LessonLink({ slug, children }: { slug: LessonSlug; children: ReactNode }) {
  if (!writtenSlugs().includes(slug)) return <>{children}</>
  return <IntentLink href={`/learn/${slug}`}>{children}</IntentLink>
}
