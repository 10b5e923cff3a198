import GithubSlugger from 'github-slugger'
import type { Heading, Root, RootContent } from 'mdast'
import type { Expression, SpreadElement } from 'estree'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export type TocEntry = { id: string; text: string; depth: 2 | 3 }
/** One searchable stretch of a lesson in the search index: its text under one heading. */
export type SearchDocument = { id: string; href: string; lesson: string; heading: string; text: string }
/** A stretch of lesson text under one heading, for search. `id` is '' before the first heading. */
export type Section = { id: string; heading: string; text: string }
/** A `<CheckYourself>` question as written: choices in authored order, `answer` the index of the right one. */
export type Question = { id: string; kind: 'choice' | 'predict'; choices: string[]; answer: number }
/**
 * `metadata` is the value of `export const metadata = { … }` (plain data only), or null;
 * `checks` are the ids of a lesson's `<CheckYourself>` questions; `predictions`, those of kind "predict";
 * `challenges`, the ids of its `<Challenge>`s.
 */
export type Outline = {
  metadata: unknown
  toc: TocEntry[]
  checks: string[]
  predictions: string[]
  questions: Question[]
  challenges: string[]
  sections: Section[]
}

// Tags whose text is not lesson prose: live demos and code.
const skipped = new Set(['Demo', 'SourceFile'])

const attribute = (node: MdxJsxFlowElement, name: string) => {
  const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)
  return typeof found?.value === 'string' ? found.value : undefined
}

/** The value of `name={…}` on a JSX tag, read as a literal (see `literal`), or undefined. */
function expressionAttribute(node: MdxJsxFlowElement, name: string): unknown {
  const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)
  if (!found || typeof found.value !== 'object' || found.value === null) return undefined
  const statement = found.value.data?.estree?.body[0]
  return statement?.type === 'ExpressionStatement' ? literal(statement.expression, `${name}={…}`) : undefined
}

/** A `<CheckYourself>` tag's question; a tag without an id, choices or answer fails loudly. */
function question(node: MdxJsxFlowElement): Question {
  const id = attribute(node, 'id')
  const choices = expressionAttribute(node, 'choices')
  const answer = expressionAttribute(node, 'answer')
  if (!id || !Array.isArray(choices) || !choices.every((c) => typeof c === 'string') || typeof answer !== 'number') {
    throw new Error(`<CheckYourself id="${id ?? ''}">: needs an id, choices={['…', …]} and answer={index}`)
  }
  return { id, kind: attribute(node, 'kind') === 'predict' ? 'predict' : 'choice', choices, answer }
}

/** The value of a literal expression: strings, numbers, booleans, null, arrays and objects of them. */
function literal(node: Expression | SpreadElement | null, what: string): unknown {
  if (node?.type === 'Literal') return node.value
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked).join('')
  if (node?.type === 'ArrayExpression') return node.elements.map((element) => literal(element, what))
  if (node?.type === 'ObjectExpression') {
    return Object.fromEntries(
      node.properties.map((property) => {
        if (property.type !== 'Property' || property.computed) throw new Error(`${what}: only plain properties`)
        const key = property.key.type === 'Identifier' ? property.key.name : String(literal(property.key as Expression, what))
        return [key, literal(property.value as Expression, what)]
      }),
    )
  }
  throw new Error(`${what}: ${node?.type ?? 'a hole'} is not plain data`)
}

/** `export const metadata = …` of the MDX's ESM, read without running it. */
function exportedMetadata(node: MdxjsEsm): unknown {
  for (const statement of node.data?.estree?.body ?? []) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue
    for (const declarator of statement.declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === 'metadata') return literal(declarator.init ?? null, 'metadata')
    }
  }
  return undefined
}

/** The readable text of a node: words of separate blocks and list items kept apart. */
function prose(node: RootContent): string {
  if (node.type === 'code' || node.type === 'mdxjsEsm' || node.type === 'html') return ''
  if (node.type === 'mdxJsxFlowElement') {
    if (node.name && skipped.has(node.name)) return ''
    if (node.name === 'CheckYourself') return (attribute(node, 'question') ?? '').replace(/`/g, '')
  }
  if ('children' in node) {
    const inline = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell'
    return node.children.map((child) => prose(child as RootContent)).join(inline ? '' : ' ')
  }
  return 'value' in node ? node.value : ''
}

/**
 * What the site needs to know about a lesson, read from its MDX source at build time: the table of
 * contents, the ids of its `<CheckYourself>` questions, and its text by section.
 * Heading ids are made exactly as rehype-slug makes them (github-slugger over every heading, in
 * document order), so links land on the anchors the MDX pipeline renders.
 */
export function outline(source: string): Outline {
  // The same syntax as the MDX pipeline in next.config.mjs: MDX plus GitHub-flavoured Markdown.
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm)
  const tree = processor.runSync(processor.parse(source)) as Root
  const slugger = new GithubSlugger()
  const ids = new Map<Heading, string>()
  const toc: TocEntry[] = []
  const questions: Question[] = []
  const challenges: string[] = []
  let metadata: unknown = null
  visit(tree, (node) => {
    if (node.type === 'mdxjsEsm') {
      metadata = exportedMetadata(node) ?? metadata
    } else if (node.type === 'heading') {
      const text = toString(node)
      const id = slugger.slug(text)
      ids.set(node, id)
      if (node.depth === 2 || node.depth === 3) toc.push({ id, text, depth: node.depth })
    } else if (node.type === 'mdxJsxFlowElement' && node.name === 'CheckYourself') {
      questions.push(question(node))
    } else if (node.type === 'mdxJsxFlowElement' && node.name === 'Challenge') {
      const id = attribute(node, 'id')
      if (!id || challenges.includes(id)) throw new Error(`<Challenge id="${id ?? ''}">: needs an id of its own in the lesson`)
      challenges.push(id)
    }
  })

  const sections: Section[] = [{ id: '', heading: '', text: '' }]
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 3) {
      sections.push({ id: ids.get(node)!, heading: toString(node), text: '' })
      continue
    }
    const text = prose(node).replace(/\s+/g, ' ').trim()
    if (text) sections.at(-1)!.text += `${sections.at(-1)!.text ? ' ' : ''}${text}`
  }
  return {
    metadata,
    toc,
    checks: questions.map((q) => q.id),
    predictions: questions.filter((q) => q.kind === 'predict').map((q) => q.id),
    questions,
    challenges,
    sections: sections.filter((s) => s.heading || s.text),
  }
}

/**
 * A `<Challenge>` as written, for tests that check it against CPython: the components inside it
 * with their attributes (plain data, as literals), and the code blocks of its `<Solution>`.
 */
export type ChallengeSource = {
  id: string
  title: string
  parts: { name: string; props: Record<string, unknown> }[]
  solution: { lang: string | null; code: string }[]
}

export function challengeSources(source: string): ChallengeSource[] {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm)
  const tree = processor.runSync(processor.parse(source)) as Root
  const found: ChallengeSource[] = []
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name !== 'Challenge') return
    const challenge: ChallengeSource = { id: attribute(node, 'id') ?? '', title: attribute(node, 'title') ?? '', parts: [], solution: [] }
    visit(node, (child) => {
      if (child === node) return
      if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name && /^[A-Z]/.test(child.name) && !['Hint', 'Solution'].includes(child.name)) {
        const props: Record<string, unknown> = {}
        for (const a of child.attributes) {
          if (a.type !== 'mdxJsxAttribute') continue
          props[a.name] = typeof a.value === 'string' || a.value === null ? (a.value ?? true) : expressionAttribute(child as MdxJsxFlowElement, a.name)
        }
        challenge.parts.push({ name: child.name, props })
      }
      if (child.type === 'mdxJsxFlowElement' && child.name === 'Solution') {
        visit(child, 'code', (code) => void challenge.solution.push({ lang: code.lang ?? null, code: code.value }))
      }
    })
    found.push(challenge)
  })
  return found
}
