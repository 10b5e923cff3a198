/**
 * Playback for the visualizer: play, pause, step, speed. `wait(ms)` resolves when the next frame is
 * due — after `ms` of playing time at the current speed, or at once on a step — so pausing or
 * changing speed takes effect in the middle of a frame.
 */
export class Player {
  playing = true
  speed = 1
  /** Set by `skip()`: every wait returns at once, to the end of the run. */
  skipping = false
  #steps = 0
  #wake: (() => void) | null = null

  /** How often a wait checks the clock and reports progress (the visualizer redraws that often). */
  static readonly tick = 100

  play() {
    this.playing = true
    this.#wake?.()
  }

  pause() {
    this.playing = false
  }

  /** Lets exactly one frame through, playing or paused. */
  step() {
    this.#steps++
    this.#wake?.()
  }

  /** Plays the rest of the run at once. */
  skip() {
    this.skipping = true
    this.#wake?.()
  }

  /** Ready for a new run: not skipping, no steps owed. */
  reset() {
    this.skipping = false
    this.#steps = 0
  }

  setSpeed(speed: number) {
    this.speed = speed
  }

  async wait(ms: number, signal: AbortSignal, onProgress?: (fraction: number) => void): Promise<void> {
    let done = 0
    let last = performance.now()
    for (;;) {
      signal.throwIfAborted()
      if (this.skipping) {
        onProgress?.(1)
        return
      }
      if (this.#steps > 0) {
        this.#steps--
        onProgress?.(1)
        return
      }
      if (this.playing && done >= ms) return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(finish, Player.tick)
        signal.addEventListener('abort', finish, { once: true })
        this.#wake = finish
        function finish() {
          clearTimeout(timer)
          signal.removeEventListener('abort', finish)
          resolve()
        }
      })
      this.#wake = null
      const now = performance.now()
      if (this.playing) done += (now - last) * this.speed
      last = now
      onProgress?.(ms > 0 ? Math.min(done / ms, 1) : 1)
    }
  }
}
