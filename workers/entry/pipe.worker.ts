import { expose } from 'comlink'
import { Connection } from '../shared/connection'
import { sharedNow } from '../clock'
import { reporter } from '../inside/reporter'

/** What each end reports to the page as it goes: the data itself travels worker to worker. */
export type PipeEvent = { end: 'a' | 'b'; kind: 'send' | 'recv'; value: number | null; at: number }

type Report = (event: PipeEvent) => unknown

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const api = {
  // #region ends
  /** End A: sends 0, 1, 2… and receives each square back; then sends None (null) to say it is done. */
  async ping(port: MessagePort, count: number, pauseMs: number, page: Report): Promise<number[]> {
    const { report, flush } = reporter(page)
    const conn = new Connection<number | null>(port)
    const replies: number[] = []
    for (let n = 0; n < count; n++) {
      conn.send(n)
      report({ end: 'a', kind: 'send', value: n, at: sharedNow() })
      const reply = (await conn.recv())!
      report({ end: 'a', kind: 'recv', value: reply, at: sharedNow() })
      replies.push(reply)
      await sleep(pauseMs)
    }
    conn.send(null)
    report({ end: 'a', kind: 'send', value: null, at: sharedNow() })
    conn.close()
    await flush()
    return replies
  },
  /** End B: answers every number with its square until None arrives; returns how many it answered. */
  async pong(port: MessagePort, page: Report): Promise<number> {
    const { report, flush } = reporter(page)
    const conn = new Connection<number | null>(port)
    let answered = 0
    for (;;) {
      const n = await conn.recv()
      report({ end: 'b', kind: 'recv', value: n, at: sharedNow() })
      if (n === null) break
      conn.send(n * n)
      report({ end: 'b', kind: 'send', value: n * n, at: sharedNow() })
      answered++
    }
    conn.close()
    await flush()
    return answered
  },
  // #endregion
}

export type PipeApi = typeof api
expose(api)
