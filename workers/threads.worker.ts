import { expose } from 'comlink'
import { sleep } from './sync'

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

const api = {
  /** Answers once this worker's module has loaded: the thread object exists, not yet started. */
  ready: () => true,
  /** Runs `thread_function(name)`, like `threading.Thread(target=thread_function, args=(name,))`. */
  threadFunction,
  /** Runs `MyThread(name).run()`, as `start()` does on a new thread. */
  myThread: (name: number, seconds: number, print: Print) => new MyThread(name, seconds, print).run(),
}

export type ThreadsApi = typeof api
expose(api)
