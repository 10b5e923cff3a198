import { describe, expect, it } from 'vitest'
import { Player } from './player'

const signal = () => new AbortController().signal

describe('Player', () => {
  it('waits the frame time divided by the speed', async () => {
    const player = new Player()
    player.setSpeed(4)
    const start = performance.now()
    await player.wait(800, signal())
    const took = performance.now() - start
    expect(took).toBeGreaterThanOrEqual(190)
    expect(took).toBeLessThan(600)
  })

  it('holds while paused, and a step lets one frame through', async () => {
    const player = new Player()
    player.pause()
    let resolved = false
    const waiting = player.wait(0, signal()).then(() => (resolved = true))
    await new Promise((r) => setTimeout(r, 250))
    expect(resolved).toBe(false)
    player.step()
    await waiting
    expect(resolved).toBe(true)
  })

  it('resumes on play, and reports progress as it goes', async () => {
    const player = new Player()
    player.pause()
    const progress: number[] = []
    const waiting = player.wait(200, signal(), (f) => progress.push(f))
    setTimeout(() => player.play(), 150)
    await waiting
    expect(progress.at(-1)).toBe(1)
    expect(progress.some((f) => f > 0 && f < 1)).toBe(true)
  })

  it('lets every wait through at once after skip, paused or not, until reset', async () => {
    const player = new Player()
    player.pause()
    player.skip()
    const start = performance.now()
    await player.wait(10_000, signal())
    await player.wait(10_000, signal())
    expect(performance.now() - start).toBeLessThan(100)
    player.reset()
    let resolved = false
    const waiting = player.wait(0, signal()).then(() => (resolved = true))
    await new Promise((r) => setTimeout(r, 250))
    expect(resolved).toBe(false)
    player.step()
    await waiting
  })

  it('rejects when the run is stopped', async () => {
    const controller = new AbortController()
    const player = new Player()
    player.pause()
    const waiting = player.wait(100, controller.signal)
    controller.abort(new DOMException('Stopped', 'AbortError'))
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
  })
})
