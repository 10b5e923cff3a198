import { expect, type Locator } from '@playwright/test'

/**
 * Brings a demo near and waits until its code has loaded and taken over its server HTML
 * (`lazyDemo`): keys pressed before then are lost (clicks are held and replayed). Watches the
 * wrapper, not the demo's root: the live demo's elements replace the server's, perhaps mid-scroll.
 * Shared by the e2e fixtures and the benchmarks.
 */
export async function untilLive(demo: Locator, timeout?: number) {
  const wrapper = demo.page().locator('[data-lazy-demo]', { has: demo })
  await wrapper.scrollIntoViewIfNeeded()
  await expect(wrapper).toHaveAttribute('data-lazy-demo', 'live', { timeout })
}
