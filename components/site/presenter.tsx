'use client'

import { useCallback, useEffect, useState } from 'react'
import { isTypingTarget } from './browser-events'
import { useHydrated } from './use-hydrated'

/** Where a new slide starts: the lesson title, each section, each demo, each question. */
const startsSlide = (el: Element, i: number) =>
  i === 0 || el.tagName === 'H2' || el.hasAttribute('data-demo') || el.hasAttribute('data-lazy-demo') || el.hasAttribute('data-check') || el.hasAttribute('data-challenge')


/** The lesson's slides: runs of the article's top-level elements, each starting at a slide start. */
function slidesOf(article: Element): Element[][] {
  const slides: Element[][] = []
  ;[...article.children].forEach((el, i) => {
    if (startsSlide(el, i) || !slides.length) slides.push([el])
    else slides.at(-1)!.push(el)
  })
  return slides
}

const labelOf = (slide: Element[]) =>
  slide[0]?.querySelector('.demo-title')?.textContent ??
  slide[0]?.querySelector('.check-question')?.textContent ??
  slide[0]?.textContent?.slice(0, 80) ??
  ''

/** The demo on the slide on screen. */
const demoOnSlide = () => [...document.querySelectorAll('article.lesson [data-demo]')].find((el) => !el.closest('[data-offstage]'))

/**
 * Shows the slide's demo full screen. A demo whose code is still arriving (lazyDemo) is about to
 * replace its server HTML, which would take the full screen with it: wait for the live one. It
 * comes well within the key press's activation window, which full screen needs.
 */
async function showDemoFullScreen() {
  const wrapper = demoOnSlide()?.closest('[data-lazy-demo]')
  if (wrapper && wrapper.getAttribute('data-lazy-demo') !== 'live') {
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (wrapper.getAttribute('data-lazy-demo') !== 'live') return
        observer.disconnect()
        resolve()
      })
      observer.observe(wrapper, { attributes: true, attributeFilter: ['data-lazy-demo'] })
    })
  }
  await demoOnSlide()?.requestFullscreen()
}

/**
 * Presenter mode for instructors: large type, one section (or demo, or question) on screen at a
 * time, ← / → to move, F to show the current demo full screen, Esc or P to leave.
 */
export function Presenter() {
  const [slide, setSlide] = useState<number | null>(null)
  const [count, setCount] = useState(0)
  const [label, setLabel] = useState('')
  const on = slide !== null
  const hydrated = useHydrated()

  const show = useCallback((index: number) => {
    const article = document.querySelector('article.lesson')
    if (!article) return
    const slides = slidesOf(article)
    const current = Math.max(0, Math.min(index, slides.length - 1))
    slides.forEach((elements, i) =>
      elements.forEach((el, j) => {
        el.toggleAttribute('data-offstage', i !== current)
        // The slide's first element sits at the top of the screen, without the margin it has in the lesson.
        el.toggleAttribute('data-slide-first', i === current && j === 0)
      }),
    )
    setCount(slides.length)
    setSlide(current)
    setLabel(labelOf(slides[current]!))
    window.scrollTo({ top: 0 })
  }, [])

  const enter = useCallback(() => {
    const article = document.querySelector('article.lesson')
    if (!article) return
    // Start at the slide being read: the last one whose top is above the middle of the screen.
    const slides = slidesOf(article)
    const reading = slides.findLastIndex((s) => s[0]!.getBoundingClientRect().top < window.innerHeight / 2)
    document.documentElement.setAttribute('data-presenter', '')
    show(Math.max(0, reading))
  }, [show])

  const leave = useCallback(() => {
    const article = document.querySelector('article.lesson')
    document.documentElement.removeAttribute('data-presenter')
    article?.querySelectorAll('[data-offstage], [data-slide-first]').forEach((el) => {
      el.removeAttribute('data-offstage')
      el.removeAttribute('data-slide-first')
    })
    const current = article && slide !== null ? slidesOf(article)[slide]?.[0] : null
    setSlide(null)
    current?.scrollIntoView({ block: 'start' })
  }, [slide])

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return
      if (event.key === 'p' || event.key === 'P') return on ? leave() : enter()
      if (!on) return
      const moves: Record<string, number> = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }
      if (event.key in moves) {
        event.preventDefault()
        show(slide + moves[event.key]!)
      } else if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault()
        show(event.key === 'Home' ? 0 : count - 1)
      } else if (event.key === 'Escape' && !document.fullscreenElement) {
        leave()
      } else if (event.key === 'f' || event.key === 'F') {
        if (!document.fullscreenElement) void showDemoFullScreen()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [on, slide, count, enter, leave, show])

  // Leaving the lesson (client-side navigation) leaves presenter mode.
  useEffect(() => () => document.documentElement.removeAttribute('data-presenter'), [])

  if (!on) {
    return (
      <button type="button" className="button min-h-8.5 px-3 py-1 text-small" onClick={enter} disabled={!hydrated} aria-keyshortcuts="P">
        <span aria-hidden="true">▣</span> Present
      </button>
    )
  }
  return (
    // h-10: a projected challenge sizes itself to what the toolbar leaves (components/mdx/challenge-client.tsx).
    <div className="fixed inset-x-0 bottom-0 z-50 flex h-10 items-center gap-3 border-t border-border bg-surface px-4 text-xs/[inherit]" role="toolbar" aria-label="Presenter mode">
      <button type="button" className="button button-small" onClick={() => show(slide - 1)} disabled={slide === 0} aria-label="Previous slide">
        ←
      </button>
      <p className="m-0 overflow-hidden font-bold text-ellipsis whitespace-nowrap" aria-live="polite">
        {slide + 1} / {count}
        <span className="font-medium text-muted"> · {label}</span>
      </p>
      <button type="button" className="button button-small" onClick={() => show(slide + 1)} disabled={slide === count - 1} aria-label="Next slide">
        →
      </button>
      <span className="ml-auto whitespace-nowrap text-muted max-[50rem]:hidden" aria-hidden="true">
        ← → move · F demo full screen · Esc leave
      </span>
      <button type="button" className="button button-small" onClick={leave}>
        Leave presenter mode
      </button>
    </div>
  )
}
