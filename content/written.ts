import { existsSync } from 'node:fs'
import path from 'node:path'
import { course, type LessonSlug } from './course'

/**
 * The lessons that exist as `content/<slug>.mdx`, in course order. A slug in the course with no
 * file yet is simply not published: no placeholder pages.
 */
export function writtenSlugs(root = process.cwd()): LessonSlug[] {
  return course.filter((slug) => existsSync(path.join(root, 'content', `${slug}.mdx`)))
}
