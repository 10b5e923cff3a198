/**
 * asyncio's task patterns with real Promises. Each function is the twin of one in
 * content/python/tasks.py and logs the same lines, so the two can be read side by side.
 */

export type Log = (message: string) => void
export type PatternContext = {
  log: Log
  /** Stop: every sleep rejects with its reason. */
  signal: AbortSignal
  /** How long each fetch takes, in ms (1 s in the Python). */
  work: number
  /** wait_for's timeout, and when cancel cancels, in ms (0.5 s in the Python). */
  timeout: number
}

/** asyncio.sleep's twin: resolves after `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort)
      resolve()
    }, ms)
    const abort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
  })
}

const json = (value: unknown) => JSON.stringify(value)

// #region fetch-data
async function fetchData(n: number, ms: number, ctx: PatternContext, signal: AbortSignal) {
  const { log } = ctx
  log(`fetch ${n} starts`)
  try {
    await sleep(ms, signal)
  } catch (error) {
    log(`fetch ${n} cancelled`)
    throw error
  }
  log(`fetch ${n} done`)
  return { data: n }
}
// #endregion

// #region gather
async function gather(ctx: PatternContext) {
  const { work, signal, log } = ctx
  const results = await Promise.all([
    fetchData(1, work, ctx, signal),
    fetchData(2, work, ctx, signal),
    fetchData(3, work, ctx, signal),
  ])
  log(`Promise.all returned ${json(results)}`)
}
// #endregion

// #region create_task
async function createTask(ctx: PatternContext) {
  const { work, signal, log } = ctx
  // Already running, up to its first await:
  const task = fetchData(1, work, ctx, signal)
  log('promise created')
  await sleep(work / 2, signal)
  log('main did other work')
  const result = await task
  log(`task returned ${json(result)}`)
}
// #endregion

// #region wait_for
async function waitFor(ctx: PatternContext) {
  const { work, timeout, signal, log } = ctx
  try {
    // AbortSignal.timeout aborts with a TimeoutError; the fetch sees it and stops.
    const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeout)])
    const result = await fetchData(1, work, ctx, deadline)
    log(`got ${json(result)}`)
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    if (signal.aborted || !timedOut) throw error
    log(`timed out after ${timeout / 1000} s`)
  }
}
// #endregion

// #region cancel
async function cancel(ctx: PatternContext) {
  const { work, timeout, signal, log } = ctx
  const controller = new AbortController()
  const either = AbortSignal.any([signal, controller.signal])
  const task = fetchData(1, work, ctx, either)
  await sleep(timeout, signal)
  controller.abort() // rejects the sleep fetchData is awaiting with an AbortError
  log('main: cancel requested')
  try {
    await task
  } catch (error) {
    if (signal.aborted) throw error
    log(`main: the task ended with ${(error as Error).name}`)
  }
}
// #endregion

// #region return_exceptions
async function fail(n: number, ms: number, { log }: PatternContext, signal: AbortSignal) {
  await sleep(ms, signal)
  log(`fetch ${n} fails`)
  throw new Error(`fetch ${n} failed`)
}

async function returnExceptions(ctx: PatternContext) {
  const { work, signal, log } = ctx
  const results = await Promise.allSettled([
    fetchData(1, work, ctx, signal),
    fail(2, work / 2, ctx, signal),
    fetchData(3, work, ctx, signal),
  ])
  const shown = results.map((r) =>
    r.status === 'fulfilled' ? json(r.value) : `Error(${json((r.reason as Error).message)})`,
  )
  log(`allSettled returned [${shown.join(', ')}]`)
}
// #endregion

export const patterns = {
  gather: { label: 'gather', run: gather },
  create_task: { label: 'create_task', run: createTask },
  wait_for: { label: 'wait_for (timeout)', run: waitFor },
  cancel: { label: 'cancel', run: cancel },
  return_exceptions: { label: 'return_exceptions', run: returnExceptions },
} as const

export type PatternId = keyof typeof patterns
export const patternIds = Object.keys(patterns) as PatternId[]
/** The patterns that use the timeout. */
export const timed: readonly PatternId[] = ['wait_for', 'cancel']
