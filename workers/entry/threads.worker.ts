import { expose } from 'comlink'
import { reporter } from '../inside/reporter'
import { sleep } from '../shared/sync'

/** Python's `print`: the page appends the line to the shared log as it arrives. */
type Print = (line: string) => void

// #region threads
/** `thread_function(name)`, run on this worker's own thread. */
function threadFunction(name: number, seconds: number, print: Print) {
  print(`Thread ${name}: starting`)
  sleep(seconds * 1000) // blocks this thread only, like time.sleep()
  print(`Thread ${name}: finishing`)
}

/** What matters of `threading.Thread` here: a `run()` to override. */
class Thread {
  run(): void {}
}

/** The notes' custom Thread class: the work lives in an overridden `run()`. */
class MyThread extends Thread {
  constructor(
    readonly name: number,
    readonly seconds: number,
    readonly print: Print,
  ) {
    super()
  }

  override run() {
    this.print(`Thread ${this.name}: starting`)
    sleep(this.seconds * 1000)
    this.print(`Thread ${this.name}: finishing`)
  }
}
// #endregion

/** Runs a thread's code; answers once the page has every line it printed, so `join()` sees them all. */
async function start(run: (print: Print) => void, page: Print) {
  const { report, flush } = reporter(page)
  run(report)
  await flush()
}

const api = {
  /** Answers once this worker's module has loaded: the thread object exists, not yet started. */
  ready: () => true,
  /** Runs `thread_function(name)`, like `threading.Thread(target=thread_function, args=(name,))`. */
  threadFunction: (name: number, seconds: number, print: Print) => start((p) => threadFunction(name, seconds, p), print),
  /** Runs `MyThread(name).run()`, as `start()` does on a new thread. */
  myThread: (name: number, seconds: number, print: Print) => start((p) => new MyThread(name, seconds, p).run(), print),
}

export type ThreadsApi = typeof api
expose(api)
