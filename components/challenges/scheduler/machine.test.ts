import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCPython } from '@/lib/python/cpython'
import { bytecodeOf, normalPath, recordedWith } from './bytecode'
import { intact, violation } from './invariants'
import { blocked, deadlocked, initial, narrate, replay, runnable, step, stuck, undo, type World } from './machine'
import { allSources, placed, placements, programs, validPlacement, withLock, type Program } from './programs'
import { disassemble } from './record'
import { prove } from './search'

describe('the scheduler machine, with the GIL (CPython 3.11)', () => {
  it('oversells: stock goes to -1 when both threads pass the check before either decrements', () => {
    const world = replay(programs.stock, 'gil', [0, 1, 0, 1])
    expect(world.globals.stock).toBe(-1)
    expect(world.steps.map((s) => s.end)).toEqual(['switch', 'switch', 'finished', 'finished'])
    expect(violation(world)).toBe('stock is -1 after T2 ran ‘stock -= 1’: it checked ‘stock > 0’ while T1 was between its check and its decrement.')
    expect(world.output.map((o) => o.text)).toEqual(['buying; stock is 1', 'buying; stock is 1'])
    expect(narrate(world)).toBe('T2 ran 7 instructions (lines 4–5): read stock (0), set stock = -1. T2 returned: it is done.')
    expect(narrate(replay(programs.transfer, 'gil', [0, 1, 0]))).toBe('T1 ran 2 instructions (lines 3–4). Now it waits for lock_b, which T2 holds.')
  })

  it('sells one when a thread runs from its check to its decrement alone, and says why that is not a break', () => {
    const world = replay(programs.stock, 'gil', [0, 0, 1])
    expect(world.globals.stock).toBe(0)
    expect(violation(world)).toBeNull()
    expect(stuck(world)).toBe(true)
    expect(intact(world)).toMatch(/^stock is 0, and only one thread bought/)
  })

  it('switches only after a CALL: a thread runs from RESUME to the print in one step', () => {
    const world = step(initial(programs.stock, 'gil'), 0)
    const ran = world.steps[0]!.ran
    const code = bytecodeOf(programs.stock.threads[0]!.source)
    expect(ran.map((offset) => code.find((i) => i.offset === offset)!.opname)).toEqual([
      'RESUME',
      'LOAD_GLOBAL',
      'LOAD_CONST',
      'COMPARE_OP',
      'POP_JUMP_FORWARD_IF_FALSE',
      'LOAD_GLOBAL',
      'LOAD_CONST',
      'LOAD_GLOBAL',
      'PRECALL',
      'CALL',
    ])
    // Free-threaded, one instruction a step.
    expect(step(initial(programs.stock, 'free-threaded'), 0).steps[0]!.ran).toHaveLength(1)
  })

  it('loses an update: both threads read visits before either stores', () => {
    const world = replay(programs.visits, 'gil', [0, 1, 0, 1])
    expect(world.globals.visits).toBe(1)
    expect(violation(world)).toBe("visits is 1, not 2: T1 and T2 both read visits as 0 before either stored, so T2's store of 1 wrote over T1's.")
    const fine = replay(programs.visits, 'gil', [0, 0, 1, 1])
    expect(fine.globals.visits).toBe(2)
    expect(violation(fine)).toBeNull()
  })

  it('deadlocks when each thread takes its first lock and prints before either takes its second', () => {
    const world = replay(programs.transfer, 'gil', [0, 1, 0, 1])
    expect(deadlocked(world)).toBe(true)
    expect(blocked(world, 0)).toEqual({ why: 'waiting', on: 'lock_b' })
    expect(blocked(world, 1)).toEqual({ why: 'waiting', on: 'lock_a' })
    expect(violation(world)).toBe('Deadlock: T1 holds lock_a and waits for lock_b; T2 holds lock_b and waits for lock_a. Neither can ever run again.')
    expect(() => step(world, 0)).toThrow('T1 cannot run: it waits for lock_b')
  })

  it('takes a free Lock in `with` without a switch: BEFORE_WITH calls C, and no eval-breaker check follows', () => {
    const world = step(initial(programs.transfer, 'gil'), 0)
    expect(world.sync.lock_a).toEqual({ kind: 'lock', holder: 0 })
    expect(world.output).toEqual([{ thread: 0, text: 'T1 holds lock_a' }])
  })

  it('lets two threads into a Semaphore(1) released twice; a BoundedSemaphore raises ValueError instead', () => {
    const solo = (program: Program) => {
      let world = initial(program, 'gil')
      while (runnable(world, 0)) world = step(world, 0)
      return world
    }
    const plain = solo(programs.slots)
    expect(plain.threads[0]!.status).toBe('finished')
    expect(plain.sync.slots).toMatchObject({ value: 2 })
    const bounded = solo(programs['slots-bounded'])
    expect(bounded.threads[0]!.status).toBe('raised')
    expect(bounded.threads[0]!.error).toBe('ValueError: Semaphore released too many times')
    expect(bounded.sync.slots).toMatchObject({ value: 1 })

    const { counterexample } = prove(programs.slots, 'gil')
    const broken = replay(programs.slots, 'gil', counterexample!)
    expect(broken.globals.inside).toBe(2)
    expect(violation(broken)).toMatch(/^2 threads are inside a Semaphore\(1\) at once: T1 released it twice/)
  })

  it('enters a Semaphore in two steps: threading.Semaphore is Python, so the GIL may change hands as __enter__ starts', () => {
    const world = step(initial(programs.slots, 'gil'), 0)
    const code = bytecodeOf(programs.slots.threads[0]!.source)
    expect(code.find((i) => i.offset === world.steps[0]!.ran.at(-1))!.opname).toBe('LOAD_GLOBAL')
    expect(world.sync.slots).toMatchObject({ value: 1 })
    expect(step(world, 0).sync.slots).toMatchObject({ value: 0 })
  })

  it('undoes a step by replaying the rest', () => {
    const world = replay(programs.stock, 'gil', [0, 1, 0])
    expect(undo(world)).toEqual(replay(programs.stock, 'gil', [0, 1]))
    expect(undo(initial(programs.stock, 'gil'))).toEqual(initial(programs.stock, 'gil'))
  })
})

describe('every invariant breaks in some schedule', () => {
  for (const id of ['stock', 'visits', 'transfer', 'slots'] as const) {
    it(`${id}: with the GIL`, () => {
      const proof = prove(programs[id], 'gil')
      expect(proof.broken).toBeGreaterThan(0)
      expect(proof.broken).toBeLessThan(proof.schedules)
      expect(violation(replay(programs[id], 'gil', proof.counterexample!))).not.toBeNull()
    })
  }
})

describe('placing the lock', () => {
  const stock = programs.stock.threads[0]!.source

  it('offers only whole statements: the if with its block, or lines inside it', () => {
    expect(placements(stock)).toEqual([
      [3, 5],
      [4, 4],
      [4, 5],
      [5, 5],
    ])
    expect(validPlacement(stock, [3, 4])).toBe(false)
    expect(withLock(stock, [4, 5])).toBe(`def buy():
    global stock
    if stock > 0:
        with lock:
            print("buying; stock is", stock)
            stock -= 1
`)
  })

  for (const id of ['stock', 'visits'] as const) {
    const source = programs[id].threads[0]!.source
    const right = placements(source).filter(([first, last]) => first === 3 && last === 5)
    it(`${id}: around lines 3–5 it holds in every schedule, with the GIL and free-threaded`, () => {
      expect(right).toHaveLength(1)
      for (const interpreter of ['gil', 'free-threaded'] as const) {
        const proof = prove(placed(id, right[0]!), interpreter)
        expect(proof).toMatchObject({ broken: 0, counterexample: null })
        expect(proof.schedules).toBeGreaterThan(interpreter === 'gil' ? 10 : 100_000)
      }
    })

    it(`${id}: every other placement, and none, breaks with the GIL`, () => {
      for (const placement of [null, ...placements(source).filter((p) => p.join() !== right[0]!.join())]) {
        const proof = prove(placed(id, placement), 'gil')
        expect(proof.counterexample, JSON.stringify(placement)).not.toBeNull()
      }
    })
  }
})

const found = findCPython()
// `dis` output changes between minor versions: only a 3.11 can check what was recorded with 3.11.
const python = [found.python?.command, '/usr/bin/python3'].find((command) => {
  if (!command) return false
  try {
    return execFileSync(command, ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' }).trim() === 'True'
  } catch {
    return false
  }
})

describe.skipIf(!python)(`the machine against CPython 3.11${python ? '' : ' (skipped: no CPython 3.11 found)'}`, () => {
  it(`shows the bytecode dis gives today for every function shown (recorded with ${recordedWith})`, () => {
    const fresh = disassemble(python!, allSources())
    for (const { source, instructions } of fresh.functions) expect(bytecodeOf(source), source).toEqual(instructions)
    // The shown programs use the instructions the machine runs; the rest are exception handlers.
    for (const { instructions } of fresh.functions) {
      const normal = normalPath(instructions)
      const handler = instructions.filter((i) => !normal.has(i.offset)).map((i) => i.opname)
      expect(handler.every((name) => ['PUSH_EXC_INFO', 'WITH_EXCEPT_START', 'POP_JUMP_FORWARD_IF_TRUE', 'RERAISE', 'COPY', 'POP_EXCEPT', 'POP_TOP', 'LOAD_CONST', 'RETURN_VALUE'].includes(name))).toBe(true)
    }
  })

  it('starts from what the setup code makes', () => {
    for (const program of Object.values(programs)) {
      const ints = JSON.parse(execFileSync(python!, ['-c', `${program.setup}\nimport json\nprint(json.dumps({k: v for k, v in dict(globals()).items() if type(v) is int}))`], { encoding: 'utf8' }))
      const shared = Object.fromEntries(Object.entries(program.shared).filter(([, s]) => s.kind === 'int').map(([name, s]) => [name, (s as { value: number }).value]))
      expect(ints, program.id).toEqual(shared)
    }
  })

  type Report = { alive: number[]; locked: string[]; output: [number, string][]; errors: Record<string, string>; ints: Record<string, number> }
  const run = (program: Program, picks: number[]): Report =>
    JSON.parse(
      execFileSync(python!, [path.resolve('components/challenges/scheduler/cpython_schedule.py')], {
        input: JSON.stringify({ setup: program.setup, threads: program.threads, picks, timeout: 1 }),
        encoding: 'utf8',
      }),
    )

  /** The machine, picked as the CPython run is: each pick runs a thread to its next print, or until it blocks or ends. */
  const toPrints = (program: Program, picks: number[]): World =>
    picks.reduce((world, t) => {
      if (blocked(world, t)?.why === 'finished') return world
      let next = world
      do next = step(next, t)
      while (runnable(next, t) && !next.steps.at(-1)!.effects.flat().some((e) => e.kind === 'print') && next.steps.at(-1)!.end !== 'blocked')
      return next
    }, initial(program, 'gil'))

  it('prints and counts what CPython does in every schedule of the stock and visits programs', () => {
    for (const id of ['stock', 'visits'] as const) {
      // Each thread prints once: a schedule is the order of the four picks, two per thread.
      for (const picks of [[0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0], [1, 0, 0, 1], [1, 0, 1, 0], [1, 1, 0, 0]]) {
        const model = toPrints(programs[id], picks)
        const real = run(programs[id], picks)
        expect(stuck(model)).toBe(true)
        expect(real.ints, `${id} ${picks.join('')}`).toEqual(model.globals)
        expect(real.output).toEqual(model.output.map((o) => [o.thread, o.text]))
      }
    }
  })

  it('deadlocks as CPython does: each holds one lock and waits for the other, until a timeout gives up', () => {
    const model = toPrints(programs.transfer, [0, 1, 0, 1])
    expect(deadlocked(model)).toBe(true)
    const real = run(programs.transfer, [0, 1])
    expect(real.alive).toEqual([0, 1])
    expect(real.locked).toEqual(['lock_a', 'lock_b'])
    expect(real.output.slice(0, 2)).toEqual(model.output.map((o) => [o.thread, o.text]))
    expect(Object.values(real.errors)[0]).toMatch(/^TimeoutError: gave up waiting for lock_[ab]$/)
    // One after the other, both transfers go through.
    const apart = run(programs.transfer, [0, 0, 0, 1, 1, 1])
    expect(apart.errors).toEqual({})
    expect(apart.output.map(([, text]) => text)).toEqual(['T1 holds lock_a', 'T1 moves the money', 'T2 holds lock_b', 'T2 moves the money'])
  })

  it('lets two threads into the Semaphore(1) after T1 released it twice; BoundedSemaphore raises ValueError', () => {
    const picks = [0, 0, 1, 2]
    const model = toPrints(programs.slots, picks)
    expect(model.globals.inside).toBe(2)
    const real = run(programs.slots, picks)
    expect(real.output.slice(0, 3)).toEqual(model.output.map((o) => [o.thread, o.text]))
    expect(real.output[2]).toEqual([2, 'downloading; 2 inside'])

    // Each thread's extra release raises, and no two are ever inside.
    const bounded = toPrints(programs['slots-bounded'], [0, 0, 1, 1, 2, 2])
    const realBounded = run(programs['slots-bounded'], [0, 0, 1, 1, 2, 2])
    expect(realBounded.errors).toEqual(Object.fromEntries(bounded.threads.map((t, i) => [i, t.error])))
    expect(realBounded.errors[0]).toBe('ValueError: Semaphore released too many times')
    expect(realBounded.output).toEqual(bounded.output.map((o) => [o.thread, o.text]))
  })
})
