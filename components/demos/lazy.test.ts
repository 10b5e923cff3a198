import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const demos = path.join(process.cwd(), 'components/demos')
const stylesheets = readdirSync(demos, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.css'))

describe('demo stylesheets', () => {
  // Demos are styled with utilities, which come with the page: the server's HTML of a demo looks as
  // it will once its code loads. A demo's own CSS arrives with its code, so it styles only what the
  // live demo draws, and lazy.tsx (which every lesson loads) imports none.
  it('are not loaded with every lesson', () => {
    expect(readFileSync(path.join(demos, 'lazy.tsx'), 'utf8')).not.toMatch(/import '[^']*\.css'/)
  })

  it.each(stylesheets)('%s is imported by the component of its name', (file) => {
    const component = path.join(demos, file.replace(/\.css$/, '.tsx'))
    expect(existsSync(component)).toBe(true)
    expect(readFileSync(component, 'utf8')).toContain(`import './${path.basename(file)}'`)
  })
})
