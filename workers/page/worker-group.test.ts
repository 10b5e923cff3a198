import { describe, expect, it, vi } from 'vitest'
import { WorkerGroup, type WorkerLike } from './worker-group'

function fakeWorker(): WorkerLike & { terminated: number } {
  return {
    terminated: 0,
    postMessage: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    terminate() {
      this.terminated++
    },
  }
}

describe('WorkerGroup', () => {
  it('creates, counts and terminates workers, reporting the live count', () => {
    const created: ReturnType<typeof fakeWorker>[] = []
    const counts: number[] = []
    const group = new WorkerGroup<{ ping(): string }>(() => {
      const worker = fakeWorker()
      created.push(worker)
      return worker
    }, (alive) => counts.push(alive))

    const a = group.spawn()
    group.spawn()
    expect(group.alive).toBe(2)
    group.terminate(a)
    group.terminate(a)
    expect(created[0]!.terminated).toBe(1)
    group.terminateAll()
    expect(created.map((w) => w.terminated)).toEqual([1, 1])
    expect(group.alive).toBe(0)
    expect(counts).toEqual([1, 2, 1, 0])
  })

  it('terminates a worker when its run is aborted', () => {
    const worker = fakeWorker()
    const group = new WorkerGroup(() => worker)
    const controller = new AbortController()
    group.spawn({ signal: controller.signal })
    controller.abort()
    expect(worker.terminated).toBe(1)
    expect(group.alive).toBe(0)
  })

  it('refuses to start a worker for a run already stopped', () => {
    const create = vi.fn(fakeWorker)
    const group = new WorkerGroup(create)
    expect(() => group.spawn({ signal: AbortSignal.abort() })).toThrow()
    expect(create).not.toHaveBeenCalled()
  })
})

describe('calls in flight when a worker ends', () => {
  it('reject with an AbortError instead of hanging', async () => {
    // A worker that never answers: Comlink alone would leave the call pending forever.
    const group = new WorkerGroup<{ compute(n: number): number }>(fakeWorker)
    const spawned = group.spawn()
    const call = spawned.api.compute(42)
    group.terminate(spawned)
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('still resolve normally while the worker lives', async () => {
    const { port1, port2 } = new MessageChannel()
    const { expose } = await import('comlink')
    expose({ double: (n: number) => n * 2 }, port1)
    const worker = Object.assign(port2, { terminate: () => port2.close() })
    port2.start()
    const group = new WorkerGroup<{ double(n: number): number }>(() => worker)
    const { api } = group.spawn()
    await expect(api.double(21)).resolves.toBe(42)
    group.terminateAll()
    port1.close()
  })
})
