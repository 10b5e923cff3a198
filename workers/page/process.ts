import { proxy } from 'comlink'
import type { WorkerSource } from './pool'
import type { Ending, Line, ProcessApi } from '../entry/process.worker'
import type { Spawned } from './worker-group'

export type ProcessPhase = 'initial' | 'started' | 'stopped'

/** POSIX SIGTERM: Python reports a process ended by `terminate()` with exitcode -15. */
export const SIGTERM = 15

export type ProcessOptions = {
  /** Like `Process(name=…)`; Python numbers them Process-1, Process-2… */
  name: string
  args: { seconds: number; ending: Ending }
  /** What the child prints, line by line. */
  onOutput?: (line: Line) => void
  /** Called whenever `isAlive()` or `exitcode` changes. */
  onChange?: () => void
  /** Aborting it terminates the process. */
  signal?: AbortSignal
}

/**
 * One worker as a `multiprocessing.Process`: created, then `start()`ed, then stopped with an
 * `exitcode`. The worker comes from (and is ended by) the demo's worker group.
 */
export class Process {
  readonly name: string
  readonly #source: WorkerSource<ProcessApi>
  readonly #options: ProcessOptions
  #phase: ProcessPhase = 'initial'
  #exitcode: number | null = null
  #spawned: Spawned<ProcessApi> | null = null
  #exited!: () => void
  readonly #stopped = new Promise<void>((resolve) => (this.#exited = resolve))

  constructor(source: WorkerSource<ProcessApi>, options: ProcessOptions) {
    this.name = options.name
    this.#source = source
    this.#options = options
  }

  get phase(): ProcessPhase {
    return this.#phase
  }

  /** None (null) until the process has stopped; then 0, the `sys.exit()` code, 1 after an exception, or -15 if terminated. */
  get exitcode(): number | null {
    return this.#exitcode
  }

  isAlive(): boolean {
    return this.#phase === 'started'
  }

  /** Starts the child: a new worker running the target. A process can be started only once. */
  start(): void {
    if (this.#phase !== 'initial') throw new Error('AssertionError: cannot start a process twice')
    const { args, onOutput, signal } = this.#options
    this.#spawned = this.#source.spawn({ signal })
    this.#phase = 'started'
    this.#options.onChange?.()
    const print = proxy((line: Line) => onOutput?.(line))
    this.#spawned.api.bootstrap(args.seconds, args.ending, print).then(
      (code) => this.#stop(code),
      // The worker was ended under the call: by terminate(), Stop, or leaving the page.
      () => this.#stop(-SIGTERM),
    )
  }

  /** Waits until the process stops, or until `timeout` seconds pass; check `exitcode` after. */
  async join(timeout?: number): Promise<void> {
    if (this.#phase === 'initial') throw new Error('AssertionError: can only join a started process')
    if (timeout === undefined) return this.#stopped
    await Promise.race([this.#stopped, new Promise((resolve) => setTimeout(resolve, timeout * 1000))])
  }

  /** Ends the child at once, mid-work, like SIGTERM: its `finally` blocks do not run. */
  terminate(): void {
    if (this.#phase !== 'started') return
    this.#stop(-SIGTERM)
  }

  #stop(code: number): void {
    if (this.#phase !== 'started') return
    this.#phase = 'stopped'
    this.#exitcode = code
    if (this.#spawned) this.#source.terminate(this.#spawned)
    this.#options.onChange?.()
    this.#exited()
  }
}
