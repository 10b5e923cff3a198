import { describe, expect, it } from 'vitest'
import { runOptions, runnableBlocks, demoTwins } from './lesson-code'
import { checkEnding, compareOutput, normalize, raised } from './listing'

describe('compareOutput', () => {
  const timed = { figures: [{ pattern: /in (\d+\.\d+) s/, range: [0, 5] as const }] }

  it('accepts a figure that changed within its range', () => {
    expect(compareOutput('done in 0.11 s', 'done in 0.42 s', timed)).toEqual([])
  })

  it('refuses a figure outside its range, and any other change', () => {
    expect(compareOutput('done in 0.11 s', 'done in 7.00 s', timed)).toEqual(['"in 7.00 s": 7.00 is outside 0…5'])
    expect(compareOutput('4,000,000 done in 0.11 s', '3,999,999 done in 0.11 s', timed)[0]).toMatch(/differs from the recording at line 1/)
  })

  it('compares a figure declared `within` against the recorded one', () => {
    const clock = { figures: [{ pattern: /^(\d+\.\d) s/, within: 0.3 }] }
    expect(compareOutput('0.0 s: a\n1.5 s: b', '0.1 s: a\n1.7 s: b', clock)).toEqual([])
    expect(compareOutput('0.0 s: a\n1.5 s: b', '0.1 s: a\n1.0 s: b', clock)).toEqual(['a figure is 1 now, 1.5 when recorded (allowed: ±0.3)'])
  })

  it('reads thousands separators in a range', () => {
    const lost = { figures: [{ pattern: /: ([\d,]+) of/, range: [1, 3_999_999] as const }] }
    expect(compareOutput('C: 1,863,163 of 4,000,000', 'C: 2,000,001 of 4,000,000', lost)).toEqual([])
    expect(compareOutput('C: 1,863,163 of 4,000,000', 'C: 4,000,000 of 4,000,000', lost)).toHaveLength(1)
  })

  it('splits lines that threads printed at once, and compares them as a set', () => {
    const tasks = { anyOrder: true, line: /Task \d: (?:inside|done)/ }
    expect(compareOutput('Task 0: inside\nTask 1: inside\nTask 0: done\nTask 1: done', 'Task 1: inside\nTask 0: insideTask 1: done\n\nTask 0: done', tasks)).toEqual([])
    expect(compareOutput('Task 0: inside\nTask 0: done', 'Task 0: inside\nTask 0: done\nTraceback', tasks)).toEqual([
      'text that is not a printed line: "Traceback"',
    ])
  })
})

describe('normalize', () => {
  it('replaces each figure by # and keeps the rest', () => {
    expect(normalize('pid 4471 took 0.20 s', { figures: [{ pattern: /pid (\d+)/ }, { pattern: /(\d+\.\d+) s/ }] }).text).toBe('pid # took # s')
  })
})

describe('checkEnding', () => {
  const traceback = 'Traceback (most recent call last):\n  File "x.py", line 1\nRuntimeError: \n        An attempt has been made'
  it('wants a clean exit unless an exception is declared', () => {
    expect(checkEnding({ output: 'ok', exitCode: 0, timedOut: false }, {})).toEqual([])
    expect(checkEnding({ output: traceback, exitCode: 1, timedOut: false }, {})[0]).toMatch(/^exited with 1/)
  })
  it('finds a declared exception, even when a child process raised it and the parent exited 0', () => {
    expect(checkEnding({ output: traceback, exitCode: 0, timedOut: false }, { raises: 'RuntimeError' })).toEqual([])
    expect(checkEnding({ output: 'fine', exitCode: 0, timedOut: false }, { raises: 'RuntimeError' })).toHaveLength(1)
  })
  it('wants a declared hang to still be running at the timeout', () => {
    expect(checkEnding({ output: '', exitCode: null, timedOut: true }, { hangs: true })).toEqual([])
    expect(checkEnding({ output: '', exitCode: 0, timedOut: false }, { hangs: true })).toHaveLength(1)
    expect(checkEnding({ output: '', exitCode: null, timedOut: true }, {})[0]).toMatch(/still running/)
  })
  it('matches an exception by its name, qualified or not', () => {
    expect(raised('Traceback (most recent call last):\n_pickle.PicklingError: Can\'t pickle', 'PicklingError')).toBe(true)
    expect(raised('Traceback (most recent call last):\nMyPicklingError: no', 'PicklingError')).toBe(false)
  })
})

describe('lesson code', () => {
  it('reads the options of a run block, and refuses a word it does not know', () => {
    expect(runOptions('run')).toEqual({})
    expect(runOptions('run raises=ValueError hangs timeout=5')).toEqual({ raises: 'ValueError', hangs: true, timeout: 5 })
    expect(runOptions('title="x"')).toBeNull()
    expect(() => runOptions('run raise=ValueError')).toThrow(/unknown option "raise=ValueError"/)
  })

  it('finds the runnable python blocks and the demos’ twins of a lesson', () => {
    const mdx = [
      'Text.',
      '',
      '```python run',
      'print(1)',
      '```',
      '',
      '```python',
      'value += 1',
      '```',
      '',
      '<Demo python="content/python/counter.py#region" source="workers/entry/x.worker.ts">',
      '  <CounterDemo />',
      '</Demo>',
    ].join('\n')
    expect(runnableBlocks(mdx)).toEqual([{ line: 3, code: 'print(1)', expectation: {} }])
    expect(demoTwins(mdx)).toEqual(['counter.py'])
  })
})
