import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const demos = path.join(process.cwd(), 'components/demos')

describe('components/demos/lazy.tsx', () => {
  // A demo is on the page, as the server rendered it, before its code loads: its styles must be there already.
  it.each(readdirSync(demos, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.css')))('loads %s with the page', (file) => {
    expect(readFileSync(path.join(demos, 'lazy.tsx'), 'utf8')).toContain(`import './${file.split(path.sep).join('/')}'`)
  })
})
