import { describe, expect, it } from 'vitest'
import { outline } from './outline'

const source = [
  "import { X } from './x'",
  'export const metadata = { title: "T", description: `A template`, tags: ["a", 1, true, null], nested: { ok: true } }',
  'Intro text.',
  '## The `Pool` class',
  'A pool **maps** work.',
  '<Callout>',
  'Not a heading, but prose.',
  '</Callout>',
  '<Demo python="x.py">',
  '<X />',
  '</Demo>',
  '```python',
  '## a comment, not a heading',
  '```',
  '### Check yourself',
  '<CheckYourself id="q1" question="Which model?" choices={["a", `b`]} answer={1} kind="predict" />',
  '<CheckYourself id="q2" question="Why?" choices={["a"]} answer={0} />',
  '#### Too deep',
  '## Check yourself',
].join('\n\n')

describe('outline', () => {
  const { metadata, toc, checks, predictions, questions, sections } = outline(source)

  it('reads the exported metadata as plain data, without running the module', () => {
    expect(metadata).toEqual({ title: 'T', description: 'A template', tags: ['a', 1, true, null], nested: { ok: true } })
    expect(outline('# No metadata').metadata).toBeNull()
    expect(() => outline('export const metadata = { title: makeTitle() }')).toThrow(/CallExpression is not plain data/)
  })

  it('lists level 2 and 3 headings with rehype-slug ids, skipping JSX and code', () => {
    expect(toc).toEqual([
      { id: 'the-pool-class', text: 'The Pool class', depth: 2 },
      { id: 'check-yourself', text: 'Check yourself', depth: 3 },
      { id: 'check-yourself-1', text: 'Check yourself', depth: 2 },
    ])
  })

  it('finds the lesson questions, their choices as written and the answer', () => {
    expect(checks).toEqual(['q1', 'q2'])
    expect(predictions).toEqual(['q1'])
    expect(questions).toEqual([
      { id: 'q1', kind: 'predict', choices: ['a', 'b'], answer: 1 },
      { id: 'q2', kind: 'choice', choices: ['a'], answer: 0 },
    ])
  })

  it('refuses a question whose choices or answer it cannot read', () => {
    expect(() => outline('<CheckYourself id="q" question="?" choices={options} answer={0} />')).toThrow(/choices=\{…\}: Identifier is not plain data/)
    expect(() => outline('<CheckYourself id="q" question="?" choices={["a"]} />')).toThrow(/<CheckYourself id="q">/)
  })

  it('splits the prose into sections, leaving out code and demos', () => {
    expect(sections).toEqual([
      { id: '', heading: '', text: 'Intro text.' },
      { id: 'the-pool-class', heading: 'The Pool class', text: 'A pool maps work. Not a heading, but prose.' },
      { id: 'check-yourself', heading: 'Check yourself', text: 'Which model? Why? Too deep' },
      { id: 'check-yourself-1', heading: 'Check yourself', text: '' },
    ])
  })
})

describe('section text', () => {
  it('keeps list items and table cells apart', () => {
    const { sections } = outline('## A\n\n- one\n- two\n\n| x | y |\n|---|---|\n| 1 | 2 |\n')
    expect(sections[0]!.text).toBe('one two x y 1 2')
  })
})
