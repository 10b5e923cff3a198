import type { ComponentType } from 'react'
import type { LessonSlug } from './course'
import { checkedMetadata } from './lessons'

type LessonModule = { default: ComponentType; metadata: unknown }

/**
 * The compiled lesson and its validated metadata. Apart from content/lessons.ts on purpose: this
 * import reaches every lesson, and with them every lesson's demos. Only the lesson page imports it;
 * a page that did would ship all of them to the browser.
 */
export async function loadLesson(slug: LessonSlug) {
  const mod: LessonModule = await import(`@/content/${slug}.mdx`)
  return { Content: mod.default, metadata: checkedMetadata(slug, mod.metadata) }
}
