import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultConfigYaml, parseConfig } from './config'

const edit = (from: string, to: string) => {
  expect(defaultConfigYaml).toContain(from)
  return defaultConfigYaml.replace(from, to)
}
/** The line of the last occurrence of `fragment`: the edited one, in these tests. */
const lineOf = (text: string, fragment: string) => {
  expect(text).toContain(fragment)
  return text.slice(0, text.lastIndexOf(fragment)).split('\n').length
}

describe('parseConfig', () => {
  it('accepts the default config, filling in defaults', () => {
    const checked = parseConfig(defaultConfigYaml)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.config.queues.map((q) => [q.name, q.maxsize])).toEqual([
      ['symbols', 0],
      ['rows', 0],
    ])
    expect(checked.config.workers.map((w) => [w.name, w.kind, w.instances, w.retries])).toEqual([
      ['list', 'list_page', 1, 3],
      ['quotes', 'quote_page', 4, 3],
      ['sink', 'sink', 1, 0],
    ])
    expect(checked.config.workers[2]!.timeout_ms).toBe(5000)
  })

  it.each([
    ['a value out of range', edit('instances: 4', 'instances: 0'), 'instances: 0', 'workers[1].instances: must be at least 1'],
    ['a mistyped key', edit('instances: 4', 'instanes: 4'), 'instanes: 4', 'workers[1].instanes: unknown key instanes (did you mean instances?)'],
    ['a fraction', edit('instances: 4', 'instances: 2.5'), 'instances: 2.5', 'workers[1].instances: should be a whole number'],
    ['an unknown kind', edit('kind: sink', 'kind: database'), 'kind: database', 'workers[2].kind: must be one of list_page, quote_page, sink'],
    ['an undeclared queue', edit('output_queues: [rows]', 'output_queues: [row]'), 'output_queues: [row]', 'workers[1].output_queues[0]: no queue is named row'],
    ['an outside URL', edit('/sample/companies', 'https://example.com/'), 'https://example.com/', 'scrape this site only'],
    ['a sink fed with jobs', edit('input_queue: rows', 'input_queue: symbols'), 'input_queue: symbols', 'a sink worker needs rows, but queue symbols carries jobs'],
    ['a YAML syntax error', edit('output_queues: [symbols]', 'output_queues: [symbols'), 'output_queues: [symbols', 'Flow sequence'],
  ])('rejects %s on its line', (_, text, fragment, message) => {
    const checked = parseConfig(text)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    const problem = checked.problems.find((p) => p.message.includes(message))
    expect(problem, JSON.stringify(checked.problems)).toBeDefined()
    const line = lineOf(text, fragment)
    if (!message.startsWith('Flow')) expect(problem!.line).toBe(line)
    else expect(problem!.line).toBeGreaterThanOrEqual(line)
  })

  it('points at the worker when a required key is missing', () => {
    const text = edit('    instances: 4\n', '')
    const checked = parseConfig(text)
    expect(checked).toMatchObject({ ok: false, problems: [{ line: lineOf(text, '- name: quotes'), message: 'workers[1].instances: is missing; it should be a number' }] })
  })

  it('refuses an empty file, a list, and a queue nobody reads', () => {
    expect(parseConfig('')).toMatchObject({ ok: false, problems: [{ line: 1, message: 'queues: is missing; it should be a list' }, { message: 'workers: is missing; it should be a list' }] })
    expect(parseConfig('- 1')).toMatchObject({ ok: false, problems: [{ line: 1, message: 'should be a mapping of key: value' }] })
    const extra = defaultConfigYaml.replace('queues:\n', 'queues:\n  - name: spare\n')
    const checked = parseConfig(extra)
    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.problems).toEqual(
      expect.arrayContaining([
        { line: 3, column: 5, message: 'queues[0].name: no worker reads queue spare: give one worker input_queue: spare' },
        { line: 3, column: 5, message: 'queues[0].name: no worker puts anything into queue spare' },
      ]),
    )
  })

  it('stops a billion-laughs alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n')
    const checked = parseConfig(bomb)
    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.problems[0]!.message).toMatch(/alias/i)
  })
})

describe('the config the Python version reads', () => {
  it('is the demo’s default config, byte for byte', () => {
    const file = readFileSync(path.join(__dirname, '../../content/python/scraper_pipeline.yaml'), 'utf8')
    expect(file).toBe(defaultConfigYaml)
  })
})
