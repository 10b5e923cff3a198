/**
 * The Python a lesson shows, read from its MDX source: the fenced blocks marked runnable, and the
 * listings its demos mirror.
 *
 * A complete program is marked with `run` after the language: ```` ```python run ````. Options
 * follow it: `raises=Name` (it must end in that exception, its own or a child process's), `hangs`
 * (it must still be running at the timeout), `timeout=SECONDS`.
 */
import type { Code, Root } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { Expectation } from './listing'

export type RunnableBlock = { line: number; code: string; expectation: Expectation }

const parse = (mdx: string) => unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(mdx) as Root

/** The options of a `run` meta string; throws on a word it does not know, so a typo cannot skip a check. */
export function runOptions(meta: string): Expectation | null {
  const [first, ...rest] = meta.trim().split(/\s+/)
  if (first !== 'run') return null
  const expectation: { raises?: string; hangs?: boolean; timeout?: number } = {}
  for (const word of rest) {
    const [key, value] = word.split('=') as [string, string | undefined]
    if (key === 'raises' && value) expectation.raises = value
    else if (key === 'hangs' && value === undefined) expectation.hangs = true
    else if (key === 'timeout' && value && Number(value) > 0) expectation.timeout = Number(value)
    else throw new Error(`unknown option "${word}" after run (known: raises=Name, hangs, timeout=SECONDS)`)
  }
  return expectation
}

/** Every ```python run block of a lesson, with the line it starts on. */
export function runnableBlocks(mdx: string): RunnableBlock[] {
  const blocks: RunnableBlock[] = []
  visit(parse(mdx), 'code', (node: Code) => {
    if (node.lang !== 'python' && node.lang !== 'py') return
    const line = node.position?.start.line ?? 0
    let expectation: Expectation | null
    try {
      expectation = runOptions(node.meta ?? '')
    } catch (error) {
      throw new Error(`line ${line}: ${(error as Error).message}`)
    }
    if (expectation) blocks.push({ line, code: node.value, expectation })
  })
  return blocks
}

/** The file names (in content/python) of the listings a lesson's `<Demo python="…">` tags mirror. */
export function demoTwins(mdx: string): string[] {
  const twins: string[] = []
  visit(parse(mdx), 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name !== 'Demo') return
    const python = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'python')?.value
    if (typeof python === 'string') twins.push(python.split('#')[0]!.replace(/^content\/python\//, ''))
  })
  return twins
}
