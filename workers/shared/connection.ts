/**
 * One end of a pipe, like `multiprocessing.connection.Connection`: `send()` an object, `recv()` the
 * next one. Built on a `MessagePort`; the object is copied (structured clone) as Python pickles it.
 * `close()` tells the other end, whose `recv()` then raises `EOFError` once nothing is left.
 */

type Envelope<T> = { kind: 'data'; value: T } | { kind: 'eof' }

/** The error `recv()` raises when the other end has closed and nothing is left to read. */
export class EOFError extends Error {
  override name = 'EOFError'
}

/** The shape of a MessagePort this needs (browser or Node). */
export type PortLike = {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  start?(): void
  close(): void
}

export class Connection<T> {
  readonly #port: PortLike
  readonly #inbox: T[] = []
  readonly #readers: { resolve: (value: T) => void; reject: (error: Error) => void }[] = []
  #peerClosed = false
  #closed = false

  constructor(port: PortLike) {
    this.#port = port
    port.addEventListener('message', ({ data }) => this.#arrive(data as Envelope<T>))
    port.start?.()
  }

  // #region send-recv
  /** Sends a copy of `value` to the other end. */
  send(value: T): void {
    if (this.#closed) throw new Error('OSError: handle is closed')
    this.#port.postMessage({ kind: 'data', value } satisfies Envelope<T>)
  }

  /** The next object sent from the other end; waits until there is one. */
  recv(): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('OSError: handle is closed'))
    if (this.#inbox.length) return Promise.resolve(this.#inbox.shift()!)
    if (this.#peerClosed) return Promise.reject(new EOFError('the other end of the pipe was closed'))
    return new Promise((resolve, reject) => this.#readers.push({ resolve, reject }))
  }
  // #endregion

  /** Whether an object is waiting to be received. */
  poll(): boolean {
    return this.#inbox.length > 0
  }

  /** Closes this end; the other end's pending and later `recv()` calls see EOF. */
  close(): void {
    if (this.#closed) return
    this.#port.postMessage({ kind: 'eof' } satisfies Envelope<T>)
    this.#closed = true
    this.#port.close()
  }

  #arrive(envelope: Envelope<T>) {
    if (envelope.kind === 'eof') {
      this.#peerClosed = true
      for (const reader of this.#readers.splice(0)) reader.reject(new EOFError('the other end of the pipe was closed'))
      return
    }
    const reader = this.#readers.shift()
    if (reader) reader.resolve(envelope.value)
    else this.#inbox.push(envelope.value)
  }
}
