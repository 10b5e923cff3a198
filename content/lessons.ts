import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { cache } from 'react'
import { z } from 'zod'
import { outline } from '@/lib/outline'
import { splits, type LessonMetadata, type LessonSlug } from './course'
import { writtenSlugs } from './written'

export type Lesson = LessonMetadata & {
  slug: LessonSlug
  number: number
  /** Ids of the lesson's `<CheckYourself>` questions: a lesson is done once all are answered. */
  checks: string[]
  /** Ids of its `<Challenge>`s: solved, they count towards the lesson being done. */
  challenges: string[]
}

const metadataSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
}) satisfies z.ZodType<LessonMetadata>

/** A lesson's metadata, checked: a lesson without a title fails the build. */
export function checkedMetadata(slug: LessonSlug, metadata: unknown): LessonMetadata {
  const parsed = metadataSchema.safeParse(metadata)
  if (!parsed.success) {
    throw new Error(`content/${slug}.mdx: export const metadata = { title, description } — ${parsed.error.message}`)
  }
  return parsed.data
}

/** The lesson's metadata, table of contents, question ids and text by section, read from its source. */
export const getOutline = cache(async (slug: LessonSlug) =>
  outline(await readFile(path.join(process.cwd(), 'content', `${slug}.mdx`), 'utf8')),
)

/**
 * Every published lesson, numbered in course order. Read from the sources, not by importing the
 * lessons: a page that imported every lesson would ship every lesson's demos to the browser.
 */
export const getLessons = cache(async (): Promise<Lesson[]> =>
  Promise.all(
    writtenSlugs().map(async (slug, index) => {
      const { metadata, checks, challenges } = await getOutline(slug)
      return { slug, number: index + 1, ...checkedMetadata(slug, metadata), checks, challenges }
    }),
  ),
)

/** Where old links to a lesson go when what they name has moved: a demo id or a heading id → its lesson now. */
export type Moved = { demos: Record<string, LessonSlug>; anchors: Record<string, LessonSlug> }

/**
 * The demos and headings that left this lesson for a lesson split from it (see `splits`). The
 * headings need no list: they are the ones the new lesson has and this one no longer does.
 */
export const getMoved = cache(async (slug: LessonSlug): Promise<Moved> => {
  const moved: Moved = { demos: {}, anchors: {} }
  const here = new Set((await getOutline(slug)).toc.map(({ id }) => id))
  for (const split of splits) {
    if (split.from !== slug || !writtenSlugs().includes(split.to)) continue
    for (const demo of split.demos) moved.demos[demo] = split.to
    for (const { id } of (await getOutline(split.to)).toc) if (!here.has(id)) moved.anchors[id] ??= split.to
  }
  return moved
})
