/**
 * What each program must never do, and what the learner is told: the invariant broken, by which
 * thread, at which step, and what the other thread was in the middle of.
 */
import { deadlocked, holder, stuck, type Effect, type World } from './machine'
import type { ProgramId } from './programs'

const names = (world: World, threads: number[]) => {
  const all = threads.map((t) => world.threads[t]!.name)
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all.at(-1)}` : (all[0] ?? '')
}

/** The index of the first step in which thread `t` did something matching `test`. */
function stepWhere(world: World, t: number, test: (e: Effect) => boolean): number | undefined {
  const i = world.steps.findIndex((s) => s.thread === t && s.effects.flat().some(test))
  return i < 0 ? undefined : i
}

const stores = (name: string) => (e: Effect) => e.kind === 'store' && e.name === name

function stockBroken(world: World): string | null {
  const stock = world.globals.stock as number
  if (stock >= 0) return null
  const last = world.steps.length - 1
  const x = world.steps[last]!.thread
  const checked = (t: number) => stepWhere(world, t, (e) => e.kind === 'compare')
  const between = world.threads.findIndex((_, y) => {
    const check = checked(y)
    const store = stepWhere(world, y, stores('stock'))
    return y !== x && check !== undefined && check < checked(x)! && (store === undefined || store > checked(x)!)
  })
  const other = world.threads[between]?.name
  return other
    ? `stock is ${stock} after ${world.threads[x]!.name} ran ‘stock -= 1’: it checked ‘stock > 0’ while ${other} was between its check and its decrement.`
    : `stock is ${stock} after ${world.threads[x]!.name} ran ‘stock -= 1’: two threads passed the check ‘stock > 0’ before either decremented.`
}

function visitsBroken(world: World): string | null {
  const expected = world.threads.length
  const visits = world.globals.visits as number
  if (!stuck(world) || visits === expected) return null
  const order = world.threads.map((_, t) => t).sort((a, b) => stepWhere(world, a, stores('visits'))! - stepWhere(world, b, stores('visits'))!)
  const [first, second] = order.map((t) => world.threads[t]!.name)
  return `visits is ${visits}, not ${expected}: ${names(world, order)} both read visits as ${visits - 1} before either stored, so ${second}'s store of ${visits} wrote over ${first}'s.`
}

function slotsBroken(world: World): string | null {
  const inside = world.globals.inside as number
  if (inside <= 1) return null
  const sync = world.sync.slots!
  const extra = world.threads.findIndex((_, t) => world.steps.some((s) => s.thread === t && s.effects.flat().filter((e) => e.kind === 'release').length > 0) && releases(world, t) > 1)
  const who = world.threads[extra]?.name ?? 'a thread'
  const count = sync.kind === 'semaphore' ? sync.value : 0
  return `${inside} threads are inside a Semaphore(1) at once: ${who} released it twice, once leaving ‘with slots:’ and again at ‘slots.release()’, so its counter rose to 2 and let two threads in. (Its counter is ${count} now.)`
}

const releases = (world: World, t: number) =>
  world.steps.filter((s) => s.thread === t).flatMap((s) => s.effects.flat()).filter((e) => e.kind === 'release').length

function transferBroken(world: World): string | null {
  if (!deadlocked(world)) return null
  const waits = world.threads.map((thread, t) => {
    const holds = Object.keys(world.sync).filter((name) => holder(world, name) === thread.name)
    const wants = Object.keys(world.sync).find((name) => !holds.includes(name) && holder(world, name) !== null && world.threads[t]!.status === 'ready')
    return `${thread.name} holds ${holds.join(' and ') || 'nothing'} and waits for ${wants}`
  })
  return `Deadlock: ${waits.join('; ')}. Neither can ever run again.`
}

/** The invariant broken in this state, in the learner's terms, or null while it holds. */
export function violation(world: World): string | null {
  const broken: Record<ProgramId, (w: World) => string | null> = {
    stock: stockBroken,
    visits: visitsBroken,
    slots: slotsBroken,
    'slots-bounded': slotsBroken,
    transfer: transferBroken,
  }
  return broken[world.program.id](world)
}

/** What happened in a run that ended with the invariant intact: said as "not yet", with the numbers. */
export function intact(world: World): string {
  const order = names(
    world,
    world.steps.map((s) => s.thread).filter((t, i, all) => all.indexOf(t) === i),
  )
  const raised = world.threads.filter((th) => th.status === 'raised')
  switch (world.program.id) {
    case 'stock':
      return `stock is ${world.globals.stock as number}, and only one thread bought: the other checked ‘stock > 0’ after the decrement, and found 0. To oversell, both threads must pass the check before either decrements.`
    case 'visits':
      return `visits is ${world.globals.visits as number}: each thread read visits after the other had stored its update. To lose one, both threads must read visits before either stores.`
    case 'transfer':
      return `Both transfers went through (${order}): one thread held both locks before the other took its first. For a deadlock, each thread must hold one lock while it waits for the other's.`
    case 'slots':
    case 'slots-bounded':
      return raised.length
        ? `${names(world, raised.map((th) => world.threads.indexOf(th)))} raised ${raised[0]!.error}: a BoundedSemaphore refuses the extra release, so at most 1 thread was ever inside. Switch to a plain Semaphore to see what it lets through silently.`
        : `At most 1 thread was inside at a time: each entered after the one before had left. Each extra release raised the counter, now ${(world.sync.slots as { value: number }).value}; let two threads in while it is above 1.`
  }
}
