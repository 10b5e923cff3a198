import {
  awaitCoro,
  awaitTask,
  block,
  createTask,
  gather,
  perfCounter,
  print,
  pyRepr,
  pythonSource,
  sleep,
  type Coroutine,
} from './scheduler'

type Python = ReturnType<typeof pythonSource>

// #region gather
/** `async def fetch_data()`, which the first three programs share: a second's sleep, then a dict. */
const fetchDataIn = ({ coroutine }: Python) =>
  coroutine('fetch_data', function* (at) {
    yield* sleep(1, at('await asyncio.sleep(1)'))
    return { data: 'sample' }
  })

function gatherThree(python: Python) {
  const fetchData = fetchDataIn(python)
  const main = python.coroutine('main', function* (at) {
    const line = at('await asyncio.gather(')
    const results = yield* gather(line, fetchData(), fetchData(), fetchData())
    yield* print(pyRepr(results), at('print(results)'))
  })
  return main()
}
// #endregion

// #region sequential
function awaitThree(python: Python) {
  const fetchData = fetchDataIn(python)
  const main = python.coroutine('main', function* (at) {
    const a = yield* awaitCoro(fetchData(), at('a = await fetch_data()'))
    const b = yield* awaitCoro(fetchData(), at('b = await fetch_data()'))
    const c = yield* awaitCoro(fetchData(), at('c = await fetch_data()'))
    yield* print(pyRepr([a, b, c]), at('print([a, b, c])'))
  })
  return main()
}
// #endregion

// #region create_task
function createThree(python: Python) {
  const fetchData = fetchDataIn(python)
  const main = python.coroutine('main', function* (at) {
    const task1 = yield* createTask(fetchData(), at('task1 = '))
    const task2 = yield* createTask(fetchData(), at('task2 = '))
    const task3 = yield* createTask(fetchData(), at('task3 = '))
    yield* print('three tasks created; none has started yet', at("print('three tasks"))
    const line = at('results = [')
    const results = [yield* awaitTask(task1, line), yield* awaitTask(task2, line), yield* awaitTask(task3, line)]
    yield* print(pyRepr(results), at('print(results)'))
  })
  return main()
}
// #endregion

// #region blocking
function blockTheLoop({ coroutine }: Python) {
  const stamp = function* () {
    return `${(yield* perfCounter()).toFixed(1)} s:`
  }
  const heartbeat = coroutine('heartbeat', function* (at) {
    for (let beat = 0; beat < 4; beat++) {
      yield* print(`${yield* stamp()} beat ${beat}`, at("s: beat', beat)"))
      yield* sleep(0.5, at('await asyncio.sleep(0.5)'))
    }
  })
  const crunch = coroutine('crunch', function* (at) {
    yield* sleep(0.2, at('await asyncio.sleep(0.2)'))
    yield* print(`${yield* stamp()} crunching`, at("s: crunching')"))
    yield* block(1500, at('while time.perf_counter() < end'))
    yield* print(`${yield* stamp()} done crunching`, at("s: done crunching')"))
  })
  const main = coroutine('main', function* (at) {
    yield* gather(at('await asyncio.gather('), heartbeat(), crunch())
  })
  return main()
}
// #endregion

/** A program, built from its Python file's text: lines are found by their text, so the highlighted line is the one that runs. */
const program = (label: string, file: string, build: (python: Python) => Coroutine) => ({ label, file, build: (source: string) => build(pythonSource(source)) })

/** The programs the visualizer runs, each the twin of a Python file in content/python/. */
export const examples = {
  gather: program('gather', 'content/python/event_loop_gather.py', gatherThree),
  sequential: program('sequential awaits', 'content/python/event_loop_sequential.py', awaitThree),
  create_task: program('create_task', 'content/python/event_loop_create_task.py', createThree),
  blocking: program('a blocking step', 'content/python/event_loop_blocking.py', blockTheLoop),
} satisfies Record<string, { label: string; file: string; build: (source: string) => Coroutine }>

export type ExampleId = keyof typeof examples
export const exampleIds = Object.keys(examples) as ExampleId[]
