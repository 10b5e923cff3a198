'use client'

import type { ComponentType } from 'react'
import { use, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useHydrated } from '@/components/site/use-hydrated'
import { heldEvents } from './held-events'

/** Events that show the learner reaching for the demo: its code starts loading at once. */
const reaching = ['pointerdown', 'touchstart', 'focusin', 'keydown'] as const

/** Calls `wake` once the demo's code should load. Returns a cleanup function. */
function watch(wrapper: HTMLElement, wake: () => void) {
  // Touched before the page hydrated: held by `holdEventsScript`, or holding the focus.
  if (heldEvents().some((target) => wrapper.contains(target)) || wrapper.contains(document.activeElement)) wake()

  // On window, in the capture phase, before React's listeners at the document see them.
  const load = (event: Event) => {
    if (event.target instanceof Node && wrapper.contains(event.target)) wake()
  }
  for (const type of reaching) window.addEventListener(type, load, true)

  // A preset link names this demo: it loads at once, to run or show its values on arrival.
  const id = wrapper.querySelector('[data-demo]')?.getAttribute('data-demo')
  if (id && new URLSearchParams(location.search).get('demo') === id) wake()

  // Within a viewport of the screen, above or below: loaded before it is scrolled into view.
  const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && wake(), {
    rootMargin: '100% 0px',
  })
  observer.observe(wrapper)

  return () => {
    observer.disconnect()
    for (const type of reaching) window.removeEventListener(type, load, true)
  }
}

/** Where a node sits under `root`: child indexes, outermost first. */
function pathTo(root: Node, node: Node): number[] {
  const path: number[] = []
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    path.unshift(Array.prototype.indexOf.call(at.parentNode?.childNodes ?? [], at))
  }
  return path
}
const nodeAt = (root: Node, path: number[]) => path.reduce<Node | undefined>((node, index) => node?.childNodes[index], root)

/**
 * What the learner did to the server's HTML before the demo came alive: the focus, values typed or
 * ticked, and clicks held by `holdEventsScript`. Kept by position, since the demo's own render
 * replaces those elements with the same ones, React's this time.
 */
type Touches = {
  focus?: number[]
  /** The focused text field's selection or caret: typing goes on where it would have. */
  selection?: [start: number, end: number, direction: 'forward' | 'backward' | 'none']
  values: { path: number[]; value: string; checked: boolean }[]
  clicks: number[][]
}

/** A text field's selection, where it has one (text, search, url, tel, password, textarea). */
function selectionOf(node: Element | null): Touches['selection'] {
  if (!(node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement)) return undefined
  const { selectionStart, selectionEnd, selectionDirection } = node
  return selectionStart === null || selectionEnd === null ? undefined : [selectionStart, selectionEnd, selectionDirection ?? 'none']
}

function collectTouches(wrapper: HTMLElement): Touches {
  const focused = wrapper.contains(document.activeElement) ? document.activeElement : null
  const focus = focused ? pathTo(wrapper, focused) : undefined
  const selection = selectionOf(focused)
  const values = [...wrapper.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
    .filter((field) =>
      field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')
        ? field.checked !== field.defaultChecked
        : field.value !== field.defaultValue,
    )
    .map((field) => ({ path: pathTo(wrapper, field), value: field.value, checked: field instanceof HTMLInputElement && field.checked }))
  const held = heldEvents()
  const clicks = held.filter((target) => wrapper.contains(target)).map((target) => pathTo(wrapper, target))
  held.splice(0, held.length, ...held.filter((target) => !wrapper.contains(target)))
  return { focus, selection, values, clicks }
}

/** Gives the same touches to the elements now in those places, through the events React listens to. */
function restoreValuesAndFocus(wrapper: HTMLElement, { focus, selection, values }: Touches) {
  for (const { path, value, checked } of values) {
    const field = nodeAt(wrapper, path)
    if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
      // A radio is set by clicking the one now chosen; the one it replaced follows.
      if (field.checked !== checked && (field.type === 'checkbox' || checked)) field.click()
    } else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
      // React tracks the value it set: the prototype's setter leaves that record stale, so it sees a change.
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set?.call(field, value)
      field.dispatchEvent(new Event('input', { bubbles: true }))
    }
  }
  const focused = focus && nodeAt(wrapper, focus)
  if (focused instanceof HTMLElement) focused.focus({ preventScroll: true })
  // A field selected (or half typed in) as the demo came alive: the next keys replace the same text.
  if (selection && (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement)) focused.setSelectionRange(...selection)
}
function replayClicks(wrapper: HTMLElement, { clicks }: Touches) {
  for (const path of clicks) {
    const target = nodeAt(wrapper, path)
    if (target instanceof HTMLFormElement) target.requestSubmit()
    else if (target instanceof HTMLElement) target.click()
  }
}

/**
 * A demo whose code loads only when it is needed. The server renders it whole (title, controls
 * with their values, Run) and the browser keeps that HTML as it is, not hydrated, so nothing moves
 * and keyboards and screen readers find it at once. Its chunk is fetched when it comes within a
 * viewport of the screen, when the learner points at, focuses or types in it, or when a preset link
 * names it; then the demo renders in place of its server HTML, with the same markup, and is handed the
 * focus, typed values and clicks made meanwhile.
 *
 * (Not a `<Suspense>` boundary around a hydration that waits: React's server renderer moves a large
 * boundary's HTML to the end of the page, to be swapped in by a script, which can shift the page.)
 *
 * `data-lazy-demo` on the wrapper (a plain block: the demo's margins pass through it): `waiting`,
 * then `live` once the demo runs in the browser.
 */
export function lazyDemo<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | undefined
  let loaded: ComponentType<P> | undefined
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component
        return component
      },
      (error: unknown) => {
        // A chunk that failed to arrive (offline, a new deploy) is asked for again next time.
        loading = undefined
        throw error
      },
    ))

  function Loaded(props: P) {
    // The module's export, the same on every render; once loaded, rendered without suspending.
    const Component = loaded ?? use(preload())
    return <Component {...props} />
  }

  function LazyDemo(props: P) {
    const wrapper = useRef<HTMLDivElement>(null)
    // Only the render that hydrates the server's HTML keeps it: after a client navigation there is
    // no HTML to keep, and the demo loads at once.
    const hydrated = useHydrated()
    const [dormant, setDormant] = useState(() => typeof window !== 'undefined' && !hydrated && !loaded)
    const [touches, setTouches] = useState<Touches | null>(null)

    useEffect(() => {
      if (!dormant || !wrapper.current) return
      const root = wrapper.current
      let woken = false
      let cancelled = false
      const stop = watch(root, () => {
        if (woken) return
        woken = true
        preload().then(
          () => {
            if (cancelled) return
            // In one go, so that no key or click lands on the old elements in between.
            flushSync(() => {
              setTouches(collectTouches(root))
              setDormant(false)
            })
          },
          // The server's HTML stays; the next approach or touch tries again.
          () => (woken = false),
        )
      })
      return () => {
        cancelled = true
        stop()
      }
    }, [dormant])

    useLayoutEffect(() => {
      if (!touches || !wrapper.current) return
      restoreValuesAndFocus(wrapper.current, touches)
    }, [touches])
    useEffect(() => {
      const root = wrapper.current
      if (!touches || !root) return
      // After React has rendered the restored values: a Run click runs with them.
      const timer = setTimeout(() => replayClicks(root, touches))
      return () => clearTimeout(timer)
    }, [touches])

    if (dormant) {
      // The server's HTML stays as it was sent: React neither hydrates nor replaces what is inside.
      return <div ref={wrapper} data-lazy-demo="waiting" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />
    }
    return (
      <div ref={wrapper} data-lazy-demo={typeof window === 'undefined' ? 'waiting' : 'live'}>
        <Loaded {...props} />
      </div>
    )
  }
  return LazyDemo
}
