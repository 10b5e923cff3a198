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

/**
 * The lesson: the typography plugin's prose, in the tokens' colours (prose-site, globals.css), and
 * its elements adjusted with prose-* modifiers, which stop at `not-prose` (demos, questions, code
 * blocks, challenges' checks) as the plugin's own rules do. In presenter mode only the slide on
 * screen shows, its first element at the top (presenter.tsx marks them).
 */
const article = [
  'lesson prose prose-site mx-auto max-w-3xl text-prose presenter:max-w-240',
  'prose-h1:mt-[0.4rem] prose-h1:mb-[0.6rem] prose-h1:text-[clamp(2rem,4vw,2.6rem)] prose-h1:font-extrabold prose-h1:tracking-[-0.025em]',
  'prose-h2:mt-12 prose-h2:text-[1.6rem] prose-h2:tracking-heading prose-h3:text-[1.25rem]',
  // Headings link to themselves (rehype-autolink-headings) without looking like links.
  '[&_.heading-anchor]:[font-weight:inherit] [&_.heading-anchor]:text-inherit [&_.heading-anchor]:no-underline',
  '[&_.heading-anchor]:hover:underline [&_.heading-anchor]:hover:decoration-border [&_.heading-anchor]:hover:underline-offset-[0.25em] [&_a]:underline-offset-[0.2em]',
  // Inline code is the pill of globals.css, without the plugin's weight, size and backticks.
  'prose-code:font-medium prose-code:text-[0.88em] prose-code:before:content-none prose-code:after:content-none',
  'prose-table:m-0 prose-table:text-body',
  // Blocks the plugin does not know: a table in its scrolling box, a question or challenge card. Set
  // here, above the plugin's rule that takes the top margin from whatever follows a heading.
  '[&>div:has(>table)]:my-7 [&>.check]:my-8',
  'presenter:[&>[data-offstage]]:hidden! presenter:[&>[data-slide-first]]:mt-0 presenter:[&>[data-slide-first]>.demo]:mt-0',
].join(' ')

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
      <main id="content" className="min-w-0 px-5 pt-8 pb-20 lg:px-10 lg:pt-10 lg:pb-24 presenter:px-8 presenter:pt-6 presenter:pb-24">
        {/* Beside the title; without the sidebar (below lg) a long title would run under the button, so it gets a line of its own. */}
        <div className="mx-auto -mb-9 flex max-w-3xl justify-end max-lg:mb-3 presenter:m-0">
          <Presenter />
        </div>
        <article className={article}>
          <p className="not-prose kicker">Lesson {lesson.number}</p>
          <h1>{lesson.title}</h1>
          <p className="not-prose mb-[1.25em] text-lead text-muted">{lesson.description}</p>
          <Content />
        </article>
        <LessonProgress slug={slug} checks={checks} challenges={challenges} />
        <Pager previous={lessons[index - 1]} next={lessons[index + 1]} />
      </main>
      <div className="hidden xl:block presenter:hidden">
        <TableOfContents entries={toc} />
      </div>
    </>
  )
}
