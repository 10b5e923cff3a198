import { describe, expect, it } from 'vitest'
import { tableOfContents } from './toc'

describe('tableOfContents', () => {
  it('lists level 2 and 3 headings with rehype-slug ids, skipping JSX and code', () => {
    const source = [
      "import { X } from './x'",
      'export const metadata = { title: "T" }',
      '## The `Pool` class',
      '<Callout>',
      '',
      'Not a heading',
      '',
      '</Callout>',
      '```python',
      '## a comment, not a heading',
      '```',
      '### Check yourself',
      '#### Too deep',
      '## Check yourself',
    ].join('\n\n')
    expect(tableOfContents(source)).toEqual([
      { id: 'the-pool-class', text: 'The Pool class', depth: 2 },
      { id: 'check-yourself', text: 'Check yourself', depth: 3 },
      { id: 'check-yourself-1', text: 'Check yourself', depth: 2 },
    ])
  })
})
