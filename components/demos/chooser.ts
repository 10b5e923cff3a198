export type Bound = 'cpu' | 'io'
export type Waits = 'many' | 'few'
export type Task = {
  /** What a task spends most of its time on. */
  bound: Bound
  /** How many network or disk waits each task makes. */
  waits: Waits
  /** Whether tasks update state they share. */
  shared: boolean
  /** How many tasks run. */
  tasks: number
}

export type Model = 'multiprocessing' | 'threading' | 'asyncio' | 'asyncio + processes' | 'no concurrency'
export type Advice = { model: Model; api: string; why: string[]; watch: string[] }

/** Above this many concurrent waits, one thread per task gets expensive and coroutines win. */
export const manyTasks = 100

// #region choose
export function chooseModel({ bound, waits, shared, tasks }: Task): Advice {
  if (bound === 'cpu' && waits === 'many') {
    return {
      model: 'asyncio + processes',
      api: 'asyncio with loop.run_in_executor(ProcessPoolExecutor(), work, …)',
      why: [
        'The tasks both compute and wait.',
        'The event loop overlaps the waits; the computing goes to a process pool so it never blocks the loop.',
      ],
      watch: ['Work sent to processes is pickled: keep arguments and results small.'],
    }
  }
  if (bound === 'cpu') {
    if (tasks === 1) {
      return {
        model: 'no concurrency',
        api: 'a plain function call (then split it, and use multiprocessing.Pool.map)',
        why: [
          'A single CPU-bound task runs on one core, whatever you wrap it in.',
          'To use more cores, split the work into independent chunks and map them over a pool of processes.',
        ],
        watch: [],
      }
    }
    return {
      model: 'multiprocessing',
      api: 'multiprocessing.Pool().map (or ProcessPoolExecutor())',
      why: [
        'The work is computation: it needs more cores, not more waiting.',
        'Each process has its own interpreter and its own GIL, so processes run Python code truly in parallel.',
        'More processes than the CPUs this process may use only adds switching. Pool() with no size counts them with os.process_cpu_count() on Python 3.13+; before 3.13 it uses os.cpu_count(), which counts every logical CPU, even ones this process may not run on (on Linux, len(os.sched_getaffinity(0)) counts the usable ones).',
      ],
      watch: shared
        ? [
            'Processes do not share memory. Pass inputs in and return results (both are pickled).',
            'If they truly must share, use multiprocessing.Value, Array or shared_memory with a Lock — slower than not sharing.',
          ]
        : ['Arguments and results are pickled: send small inputs, return small results.'],
    }
  }
  if (tasks === 1 && waits === 'few') {
    return {
      model: 'no concurrency',
      api: 'plain sequential code',
      why: ['One task with a few waits has nothing to overlap.', 'Concurrency would add complexity and no speed.'],
      watch: [],
    }
  }
  if (tasks >= manyTasks || waits === 'many') {
    return {
      model: 'asyncio',
      api: 'asyncio.gather with aiohttp, bounded by asyncio.Semaphore',
      why: [
        'Every wait is an await: while one coroutine waits, the event loop runs another.',
        tasks >= manyTasks
          ? `${tasks.toLocaleString('en-US')} concurrent waits are cheap as coroutines; as threads, each would need its own OS thread and stack.`
          : 'Many small waits mean many switches; switching coroutines is far cheaper than switching threads.',
      ],
      watch: [
        shared
          ? 'Only one coroutine runs at a time, so an update between two awaits needs no lock; one that spans an await needs asyncio.Lock.'
          : 'Never call a blocking function (time.sleep, requests.get) in a coroutine: it freezes the loop. Use asyncio.to_thread.',
      ],
    }
  }
  return {
    model: 'threading',
    api: 'concurrent.futures.ThreadPoolExecutor(max_workers=…).map',
    why: [
      'A thread waiting on I/O releases the GIL, so the other threads run meanwhile.',
      'Threads work with ordinary blocking libraries (requests, database drivers) unchanged.',
      `${tasks} tasks is few enough for a thread each.`,
    ],
    watch: [
      shared
        ? 'Threads share memory: guard shared state with threading.Lock. value += 1 is not atomic, even with the GIL.'
        : 'Keep the pool small (tens of threads): each one is an OS thread with its own stack.',
    ],
  }
}
// #endregion
