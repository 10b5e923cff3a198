import { describe, expect, it } from 'vitest'
import { allSchedules, blocked, initial, narrate, outcome, replay, step, undo, type Setup, type ThreadId } from './race-stepper'

// Free-threaded, either thread may step at any time: every interleaving is possible.
const free: Setup = { interpreter: 'free-threaded', withLock: false }
const freeLocked: Setup = { interpreter: 'free-threaded', withLock: true }

const schedule = (s: string) => [...s] as ThreadId[]

describe('the race stepper, free-threaded, without a lock', () => {
  it('gives 2 when one thread finishes before the other starts', () => {
    expect(outcome(replay(free, schedule('AAABBB')))).toEqual({ value: 2, lostUpdate: false })
  })

  it('loses an update when both threads load before either stores', () => {
    const state = replay(free, schedule('ABABAB'))
    expect(state.threads.A.local).toBe(1)
    expect(state.threads.B.local).toBe(1)
    expect(outcome(state)).toEqual({ value: 1, lostUpdate: true })
  })

  it('has 20 interleavings; the 18 that overlap a load with the other thread lose an update', () => {
    const runs = allSchedules(free).map((s) => outcome(replay(free, s))!)
    expect(runs).toHaveLength(20)
    expect(runs.filter((r) => r.lostUpdate)).toHaveLength(18)
    expect(new Set(runs.map((r) => r.value))).toEqual(new Set([1, 2]))
  })

  it('refuses a step for a finished thread, and reports no outcome before both finish', () => {
    const state = replay(free, schedule('AAA'))
    expect(blocked(state, 'A')).toBe('finished')
    expect(() => step(state, 'A')).toThrow(/cannot step: finished/)
    expect(outcome(state)).toBeNull()
  })

  it('undoes steps one at a time, back to the start', () => {
    let state = replay(free, schedule('ABAB'))
    state = undo(state)
    expect(state.schedule).toEqual(['A', 'B', 'A'])
    expect(state.threads.B.pc).toBe(1)
    expect(state.threads.A.local).toBe(1)
    state = undo(undo(undo(state)))
    expect(state).toEqual(initial(free))
    expect(undo(state)).toEqual(initial(free))
  })

  it('narrates the store that overwrites the other thread’s update', () => {
    const before = replay(free, schedule('ABBBA'))
    expect(narrate(before, 'A')).toBe("Thread A stores 1 into value, overwriting thread B's update.")
    expect(narrate(initial(free), 'B')).toBe('Thread B loads value: it now holds 0.')
  })
})

describe('the race stepper, free-threaded, with a lock', () => {
  it('blocks a thread that tries to acquire the lock the other holds', () => {
    const state = replay(freeLocked, schedule('A'))
    expect(state.lockHolder).toBe('A')
    expect(blocked(state, 'B')).toBe('waiting for the lock')
    expect(() => step(state, 'B')).toThrow(/waiting for the lock/)
    const released = replay(freeLocked, schedule('AAAAA'))
    expect(released.lockHolder).toBeNull()
    expect(blocked(released, 'B')).toBeNull()
  })

  it('cannot lose an update: every possible schedule ends with value 2', () => {
    const runs = allSchedules(freeLocked)
    expect(runs.map((s) => s.join(''))).toEqual(['AAAAABBBBB', 'BBBBBAAAAA'])
    for (const s of runs) expect(outcome(replay(freeLocked, s))).toEqual({ value: 2, lostUpdate: false })
  })
})

describe('the race stepper, with the GIL', () => {
  const gil: Setup = { interpreter: 'gil', withLock: false }
  const call: Setup = { interpreter: 'gil-call', withLock: false }

  it('keeps the GIL from LOAD to STORE of a bare +=, so no schedule loses an update', () => {
    const state = replay(gil, schedule('A'))
    expect(state.gilHolder).toBe('A')
    expect(blocked(state, 'B')).toBe('waiting for the GIL')
    expect(() => step(state, 'B')).toThrow(/waiting for the GIL/)
    const runs = allSchedules(gil)
    expect(runs.map((s) => s.join(''))).toEqual(['AAABBB', 'BBBAAA'])
    for (const s of runs) expect(outcome(replay(gil, s))).toEqual({ value: 2, lostUpdate: false })
  })

  it('lets the GIL change hands at the call to add_one, between the load and the store', () => {
    const state = replay(call, schedule('AA'))
    expect(state.gilHolder).toBeNull()
    expect(blocked(state, 'B')).toBeNull()
    expect(outcome(replay(call, schedule('AABBBBAA')))).toEqual({ value: 1, lostUpdate: true })
    expect(narrate(replay(call, schedule('A')), 'A')).toBe('Thread A calls add_one(0): the GIL may change hands here.')
    const runs = allSchedules(call).map((s) => outcome(replay(call, s))!)
    expect(runs.some((r) => r.lostUpdate)).toBe(true)
    expect(runs.some((r) => !r.lostUpdate)).toBe(true)
  })

  it('with the lock, a thread switched out at the call keeps the lock, and the other waits for it', () => {
    const locked: Setup = { interpreter: 'gil-call', withLock: true }
    const state = replay(locked, schedule('AAA'))
    expect(state.gilHolder).toBeNull()
    expect(blocked(state, 'B')).toBe('waiting for the lock')
    for (const s of allSchedules(locked)) expect(outcome(replay(locked, s))).toEqual({ value: 2, lostUpdate: false })
  })
})
