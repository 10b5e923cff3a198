import { describe, expect, it } from 'vitest'
import { getMoved } from '@/content/lessons'
import { followMovedScript } from './follow-moved'

/** Runs the script as a page at `url` would, and returns where it sent the browser, if anywhere. */
function follow(script: string, url: string): string | null {
  const { search, hash } = new URL(url, 'http://localhost')
  let replaced: string | null = null
  const location = { search, hash, replace: (to: string) => (replaced = to) }
  new Function('location', script)(location)
  return replaced
}

describe('following a link to something that moved', () => {
  const script = followMovedScript({ demos: { counter: 'thread-safety' }, anchors: { locks: 'thread-safety' } })

  it('sends a moved demo on, with the whole query and hash', () => {
    expect(follow(script, '/learn/threading?demo=counter&mode=lock&run=1#x')).toBe('/learn/thread-safety?demo=counter&mode=lock&run=1#x')
  })

  it('sends a moved section on', () => {
    expect(follow(script, '/learn/threading#locks')).toBe('/learn/thread-safety#locks')
  })

  it('stays for a demo or section that did not move, and for names an object has of itself', () => {
    for (const url of ['/learn/threading', '/learn/threading?demo=threads', '/learn/threading?demo=threads#locks', '/learn/threading#daemon-threads', '/learn/threading?demo=constructor', '/learn/threading#__proto__']) {
      expect(follow(script, url), url).toBeNull()
    }
  })
})

describe('what moved', () => {
  it('threading sends its old demos and sections to thread-safety, and keeps its own', async () => {
    const moved = await getMoved('threading')
    expect(moved.demos).toEqual({ 'race-stepper': 'thread-safety', counter: 'thread-safety', semaphore: 'thread-safety', deadlock: 'thread-safety' })
    expect(moved.anchors).toMatchObject({ locks: 'thread-safety', deadlock: 'thread-safety', 'a-thread-safe-counter': 'thread-safety' })
    for (const kept of ['check-yourself', 'where-next', 'daemon-threads', 'handing-work-between-threads-queuequeue']) expect(moved.anchors, kept).not.toHaveProperty(kept)
  })

  it('multiprocessing sends Process, Pipe and Queue to processes-pipes-queues', async () => {
    const moved = await getMoved('multiprocessing')
    expect(Object.keys(moved.demos).sort()).toEqual(['pipe', 'process', 'queue'])
    expect(moved.anchors).toMatchObject({ pipe: 'processes-pipes-queues', 'joining-a-process-that-put-items-on-a-queue': 'processes-pipes-queues' })
  })

  it('a lesson that lost nothing sends nothing on', async () => {
    expect(await getMoved('thread-safety')).toEqual({ demos: {}, anchors: {} })
  })
})
