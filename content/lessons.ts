import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ComponentType } from 'react'
import { cache } from 'react'
import { z } from 'zod'
import { outline } from '@/lib/outline'
import type { LessonMetadata, LessonSlug } from './course'
import { writtenSlugs } from './written'

export type Lesson = LessonMetadata & {
  slug: LessonSlug
  number: number
  /** Ids of the lesson's `<CheckYourself>` questions: a lesson is done once all are answered. */
  checks: string[]
}

const metadataSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
}) satisfies z.ZodType<LessonMetadata>

type LessonModule = { default: ComponentType; metadata: unknown }

/** The compiled lesson and its validated metadata. A lesson without a title fails the build. */
export async function loadLesson(slug: LessonSlug) {
  const mod: LessonModule = await import(`@/content/${slug}.mdx`)
  const parsed = metadataSchema.safeParse(mod.metadata)
  if (!parsed.success) {
    throw new Error(`content/${slug}.mdx: export const metadata = { title, description } — ${parsed.error.message}`)
  }
  return { Content: mod.default, metadata: parsed.data }
}

/** The lesson's table of contents, question ids and text by section, read from its source. */
export const getOutline = cache(async (slug: LessonSlug) =>
  outline(await readFile(path.join(process.cwd(), 'content', `${slug}.mdx`), 'utf8')),
)

/** Every published lesson, numbered in course order. */
export const getLessons = cache(async (): Promise<Lesson[]> =>
  Promise.all(
    writtenSlugs().map(async (slug, index) => ({
      slug,
      number: index + 1,
      ...(await loadLesson(slug)).metadata,
      checks: (await getOutline(slug)).checks,
    })),
  ),
)
