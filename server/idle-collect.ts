import { Session } from 'node:inspector'
import { getHeapStatistics } from 'node:v8'

const MB = 1024 * 1024

/**
 * Gives memory back once a burst is over. V8 collects its old generation when allocation pushes the
 * heap towards a limit, and a server gone quiet allocates nothing: after 10,000 requests at once the
 * burst's dead sockets and requests stayed in the heap, uncollected, and RSS stayed 90–190 MB above
 * where it started (`npm run load`). Nothing was live: a full collection took the heap back to its size
 * before the burst. So when no request has arrived for `idleMs`, none is held (`busy`), and the heap
 * has grown by `growth` bytes since the last collection, this asks V8 for the collection it runs on a low-memory
 * notification: full, compacting, and returning the freed pages to the OS (~100–250 ms, with nothing
 * in flight to delay). A steady load never triggers it; V8's own collections serve that.
 */
export function idleCollector({
  idleMs = 2_000,
  growth = 32 * MB,
  busy = () => false,
  now = () => performance.now(),
  heapSize = () => getHeapStatistics().total_heap_size,
  collect = collectAllGarbage,
}: {
  idleMs?: number
  growth?: number
  /** Whether requests are being held now (the delay endpoint's waits). */
  busy?: () => boolean
  now?: () => number
  heapSize?: () => number
  collect?: () => Promise<void>
} = {}) {
  // Counted, not timed, per request: this sits on the path of every request the server answers.
  let requests = 0
  let seen = 0
  let quietSince = now()
  let baseline = heapSize()
  let collecting = false
  let collections = 0
  return {
    /** A request arrived. */
    request() {
      requests++
    },
    /** Collections run so far. */
    get collections() {
      return collections
    },
    /** Collects if the server is idle and its heap has grown; true when it did. Called every second. */
    async check() {
      if (requests !== seen || busy()) {
        seen = requests
        quietSince = now()
        return false
      }
      if (collecting || now() - quietSince < idleMs || heapSize() - baseline < growth) return false
      collecting = true
      try {
        await collect()
        collections++
      } finally {
        baseline = heapSize()
        collecting = false
      }
      return true
    },
  }
}

/**
 * The inspector protocol's collectGarbage: V8's low-memory notification, in-process (no port opened).
 * A plain `gc()` (--expose-gc) freed the objects but kept the pages: RSS fell by half as much.
 */
function collectAllGarbage() {
  const session = new Session()
  session.connect()
  return new Promise<void>((resolve, reject) =>
    session.post('HeapProfiler.collectGarbage', (error) => {
      // Not from inside the callback: disconnecting while the session dispatches hung the process (Node 20).
      setImmediate(() => session.disconnect())
      if (error) reject(error)
      else resolve()
    }),
  )
}
