import Link from 'next/link'
import type { ReactNode } from 'react'
import type { LessonSlug } from '@/content/course'
import { writtenSlugs } from '@/content/written'

/** A link to another lesson, or plain text while that lesson is not published yet. */
export function LessonLink({ slug, children }: { slug: LessonSlug; children: ReactNode }) {
  if (!writtenSlugs().includes(slug)) return <>{children}</>
  return <Link href={`/learn/${slug}`}>{children}</Link>
}
