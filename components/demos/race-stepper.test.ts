import { describe, expect, it } from 'vitest'
import { allSchedules, blocked, initial, narrate, outcome, replay, step, undo, type ThreadId } from './race-stepper'

const schedule = (s: string) => [...s] as ThreadId[]

describe('the race stepper without a lock', () => {
  it('gives 2 when one thread finishes before the other starts', () => {
    expect(outcome(replay(false, schedule('AAABBB')))).toEqual({ value: 2, lostUpdate: false })
  })

  it('loses an update when both threads load before either stores', () => {
    const state = replay(false, schedule('ABABAB'))
    expect(state.threads.A.local).toBe(1)
    expect(state.threads.B.local).toBe(1)
    expect(outcome(state)).toEqual({ value: 1, lostUpdate: true })
  })

  it('has 20 interleavings; the 18 that overlap a load with the other thread lose an update', () => {
    const runs = allSchedules(false).map((s) => outcome(replay(false, s))!)
    expect(runs).toHaveLength(20)
    expect(runs.filter((r) => r.lostUpdate)).toHaveLength(18)
    expect(new Set(runs.map((r) => r.value))).toEqual(new Set([1, 2]))
  })

  it('refuses a step for a finished thread, and reports no outcome before both finish', () => {
    const state = replay(false, schedule('AAA'))
    expect(blocked(state, 'A')).toBe('finished')
    expect(() => step(state, 'A')).toThrow(/cannot step: finished/)
    expect(outcome(state)).toBeNull()
  })

  it('undoes steps one at a time, back to the start', () => {
    let state = replay(false, schedule('ABAB'))
    state = undo(state)
    expect(state.schedule).toEqual(['A', 'B', 'A'])
    expect(state.threads.B.pc).toBe(1)
    expect(state.threads.A.local).toBe(1)
    state = undo(undo(undo(state)))
    expect(state).toEqual(initial(false))
    expect(undo(state)).toEqual(initial(false))
  })

  it('narrates the store that overwrites the other thread’s update', () => {
    const before = replay(false, schedule('ABBBA'))
    expect(narrate(before, 'A')).toBe("Thread A stores 1 into value, overwriting thread B's update.")
    expect(narrate(initial(false), 'B')).toBe('Thread B loads value: it now holds 0.')
  })
})

describe('the race stepper with a lock', () => {
  it('blocks a thread that tries to acquire the lock the other holds', () => {
    const state = replay(true, schedule('A'))
    expect(state.lockHolder).toBe('A')
    expect(blocked(state, 'B')).toBe('waiting for the lock')
    expect(() => step(state, 'B')).toThrow(/waiting for the lock/)
    const released = replay(true, schedule('AAAAA'))
    expect(released.lockHolder).toBeNull()
    expect(blocked(released, 'B')).toBeNull()
  })

  it('cannot lose an update: every possible schedule ends with value 2', () => {
    const runs = allSchedules(true)
    expect(runs.map((s) => s.join(''))).toEqual(['AAAAABBBBB', 'BBBBBAAAAA'])
    for (const s of runs) expect(outcome(replay(true, s))).toEqual({ value: 2, lostUpdate: false })
  })
})
