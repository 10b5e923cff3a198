import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { FollowMoved } from '@/components/site/follow-moved'
import { LessonProgress } from '@/components/site/lesson-progress'
import { Pager } from '@/components/site/pager'
import { Presenter } from '@/components/site/presenter'
import { TableOfContents } from '@/components/site/table-of-contents'
import { isLessonSlug } from '@/content/course'
import { loadLesson } from '@/content/load-lesson'
import { getLessons, getMoved, getOutline } from '@/content/lessons'

type Params = { params: Promise<{ slug: string }> }

// Only published lessons exist; any other slug is the site's 404.
export const dynamicParams = false

export async function generateStaticParams() {
  return (await getLessons()).map(({ slug }) => ({ slug }))
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params
  if (!isLessonSlug(slug)) return {}
  const { metadata } = await loadLesson(slug)
  return { title: metadata.title, description: metadata.description }
}

export default async function LessonPage({ params }: Params) {
  const { slug } = await params
  const lessons = await getLessons()
  const index = lessons.findIndex((lesson) => lesson.slug === slug)
  const lesson = lessons[index]
  if (!lesson || !isLessonSlug(slug)) notFound()
  const [{ Content }, { toc, checks, challenges }, moved] = await Promise.all([loadLesson(slug), getOutline(slug), getMoved(slug)])

  return (
    <>
      <FollowMoved moved={moved} />
      <main id="content" className="lesson-main">
        {/* Beside the title; without the sidebar (below lg) a long title would run under the button, so it gets a line of its own. */}
        <div className="mx-auto -mb-9 flex max-w-3xl justify-end max-lg:mb-3 presenter:m-0">
          <Presenter />
        </div>
        <article className="lesson prose">
          <p className="lesson-kicker">Lesson {lesson.number}</p>
          <h1>{lesson.title}</h1>
          <p className="lesson-lead">{lesson.description}</p>
          <Content />
        </article>
        <LessonProgress slug={slug} checks={checks} challenges={challenges} />
        <Pager previous={lessons[index - 1]} next={lessons[index + 1]} />
      </main>
      <div className="lesson-aside">
        <TableOfContents entries={toc} />
      </div>
    </>
  )
}
