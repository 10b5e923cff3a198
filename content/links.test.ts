import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Link, Root } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { outline } from '../lib/outline'
import { writtenSlugs } from './written'

const source = (slug: string) => readFileSync(path.join(__dirname, `${slug}.mdx`), 'utf8')
const anchors = new Map<string, Set<string>>(writtenSlugs().map((slug) => [slug, new Set(outline(source(slug)).toc.map((entry) => entry.id))]))

/** Every lesson link in a lesson: markdown links within the site, and `<LessonLink slug>`, as `/learn/<slug>#<id>`. */
function siteLinks(slug: string): string[] {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm)
  const tree = processor.runSync(processor.parse(source(slug))) as Root
  const links: string[] = []
  visit(tree, (node) => {
    if (node.type === 'link') {
      const { url } = node as Link
      if (url.startsWith('#')) links.push(`/learn/${slug}${url}`)
      else if (url.startsWith('/')) links.push(url)
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'LessonLink') {
      const attribute = (node as MdxJsxFlowElement | MdxJsxTextElement).attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'slug')
      links.push(`/learn/${String(attribute?.value)}`)
    }
  })
  return links
}

describe('links between lessons', () => {
  it.each(writtenSlugs())('from %s land on a published lesson, and on a heading it has', (slug) => {
    for (const link of siteLinks(slug)) {
      const [, target, id] = /^\/learn\/([^#?]+)(?:#(.+))?$/.exec(link) ?? []
      expect(anchors.has(target!), `${link} in ${slug}.mdx: no such lesson`).toBe(true)
      if (id) expect(anchors.get(target!)!.has(id), `${link} in ${slug}.mdx: no such heading`).toBe(true)
    }
  })
})
