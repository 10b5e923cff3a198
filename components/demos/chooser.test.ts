import { describe, expect, it } from 'vitest'
import { chooseModel, manyTasks, type Task } from './chooser'

const task = (overrides: Partial<Task>): Task => ({ bound: 'io', waits: 'few', shared: false, tasks: 8, ...overrides })

describe('chooseModel', () => {
  it('sends CPU-bound work to processes', () => {
    expect(chooseModel(task({ bound: 'cpu', tasks: 8 }))).toMatchObject({ model: 'multiprocessing', api: expect.stringContaining('Pool') })
  })

  it('sizes a pool by the CPUs this process may use, not by os.cpu_count()', () => {
    const advice = chooseModel(task({ bound: 'cpu', tasks: 8 }))
    expect(advice.api).not.toMatch(/cpu_count/)
    expect(advice.why.join(' ')).toMatch(/os\.process_cpu_count\(\) on Python 3\.13\+/)
    expect(advice.why.join(' ')).toMatch(/os\.cpu_count\(\), which counts every logical CPU/)
  })

  it('says a single CPU-bound task must be split first', () => {
    expect(chooseModel(task({ bound: 'cpu', tasks: 1 })).model).toBe('no concurrency')
  })

  it('pairs the event loop with a process pool for work that computes and waits', () => {
    expect(chooseModel(task({ bound: 'cpu', waits: 'many' })).model).toBe('asyncio + processes')
  })

  it('uses threads for a moderate number of blocking waits', () => {
    expect(chooseModel(task({ tasks: 10 }))).toMatchObject({ model: 'threading', api: expect.stringContaining('ThreadPoolExecutor') })
  })

  it('uses asyncio for many concurrent waits', () => {
    expect(chooseModel(task({ tasks: manyTasks })).model).toBe('asyncio')
    expect(chooseModel(task({ tasks: 5, waits: 'many' })).model).toBe('asyncio')
  })

  it('needs nothing concurrent for one task with few waits', () => {
    expect(chooseModel(task({ tasks: 1 })).model).toBe('no concurrency')
  })

  it('warns about shared state in the terms of each model', () => {
    expect(chooseModel(task({ tasks: 10, shared: true })).watch.join(' ')).toMatch(/threading\.Lock/)
    expect(chooseModel(task({ tasks: 500, shared: true })).watch.join(' ')).toMatch(/asyncio\.Lock/)
    expect(chooseModel(task({ bound: 'cpu', shared: true })).watch.join(' ')).toMatch(/do not share memory/)
  })
})
