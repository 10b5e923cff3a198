import GithubSlugger from 'github-slugger'
import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export type TocEntry = { id: string; text: string; depth: 2 | 3 }

/**
 * The on-page table of contents of an MDX lesson, read from its source at build time.
 * Ids are made exactly as rehype-slug makes them (github-slugger over every heading, in document
 * order), so the links land on the anchors the MDX pipeline renders.
 */
export function tableOfContents(source: string): TocEntry[] {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(source) as Root
  const slugger = new GithubSlugger()
  const entries: TocEntry[] = []
  visit(tree, 'heading', (node: Heading) => {
    const text = toString(node)
    const id = slugger.slug(text)
    if (node.depth === 2 || node.depth === 3) entries.push({ id, text, depth: node.depth })
  })
  return entries
}
