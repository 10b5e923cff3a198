import { getLessons, getOutline } from '@/content/lessons'
import type { SearchDocument } from '@/lib/outline'

// Built once, at build time, and served as a static file; the search dialog fetches it when opened.
export const dynamic = 'force-static'

export async function GET() {
  const documents: SearchDocument[] = []
  for (const lesson of await getLessons()) {
    for (const section of (await getOutline(lesson.slug)).sections) {
      documents.push({
        id: `${lesson.slug}#${section.id}`,
        href: `/learn/${lesson.slug}${section.id ? `#${section.id}` : ''}`,
        lesson: lesson.title,
        heading: section.heading || lesson.title,
        text: section.id ? section.text : `${lesson.description} ${section.text}`,
      })
    }
  }
  return Response.json(documents)
}
