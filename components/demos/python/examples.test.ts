import { describe, expect, it } from 'vitest'
import { whyNot } from './examples'

describe('whyNot', () => {
  it('explains the errors Pyodide raises for threads and processes', () => {
    expect(whyNot("RuntimeError: can't start new thread")).toMatch(/one thread of a Web Worker/)
    expect(whyNot("ModuleNotFoundError: The module '_multiprocessing' is removed from the Python standard library")).toMatch(/processes/)
    expect(whyNot('NotImplementedError: This Python build lacks multiprocessing.synchronize')).toMatch(/processes/)
  })

  it('stays out of other errors', () => {
    expect(whyNot("NameError: name 'asyncio' is not defined")).toBeNull()
  })
})
