import { expose } from 'comlink'

/** One line the child prints: to stdout, or to stderr (a traceback). */
export type Line = { stream: 'stdout' | 'stderr'; text: string }
export type Ending = 'return' | 'raise' | 'exit'

class ValueError extends Error {
  override name = 'ValueError'
}
/** What `sys.exit(code)` raises in Python. */
class SystemExit extends Error {
  override name = 'SystemExit'
  constructor(readonly code: number) {
    super(`exit code ${code}`)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// #region target
/** The child's target: a line per quarter second, then it returns, raises, or calls sys.exit(3). */
async function work(print: (line: Line) => void, seconds: number, ending: Ending): Promise<void> {
  const steps = Math.max(1, Math.round(seconds * 4))
  for (let step = 1; step <= steps; step++) {
    await sleep(250)
    print({ stream: 'stdout', text: `step ${step} of ${steps}` })
  }
  if (ending === 'raise') throw new ValueError('something went wrong in the child')
  if (ending === 'exit') throw new SystemExit(3)
}
// #endregion

const api = {
  // #region bootstrap
  /**
   * Runs the target the way Python's `Process._bootstrap` does and returns the exit code: 0 when
   * it returns, the code given to `sys.exit()`, or 1 after printing the traceback of any other exception.
   */
  async bootstrap(seconds: number, ending: Ending, output: (line: Line) => Promise<void> | void): Promise<number> {
    const printed: (Promise<void> | void)[] = []
    const print = (line: Line) => void printed.push(output(line))
    try {
      await work(print, seconds, ending)
      return 0
    } catch (error) {
      if (error instanceof SystemExit) return error.code
      const { name, message } = error instanceof Error ? error : { name: 'Exception', message: String(error) }
      print({ stream: 'stderr', text: 'Traceback (most recent call last):' })
      print({ stream: 'stderr', text: '  File "work", in work' })
      print({ stream: 'stderr', text: `${name}: ${message}` })
      return 1
    } finally {
      // Flush, as Python does at exit: every line reaches the page before the exit code.
      await Promise.all(printed)
    }
  },
  // #endregion
}

export type ProcessApi = typeof api
expose(api)
