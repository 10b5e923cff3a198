/** Where the script below keeps what it held: the element clicked, or the form submitted. */
export const heldKey = '__heldDemoEvents'

/** The elements the learner clicked (or forms submitted) in a demo that had not hydrated yet. */
export function heldEvents(): Element[] {
  const page = window as unknown as Record<string, Element[] | undefined>
  return (page[heldKey] ??= [])
}

/**
 * Runs in <head>, before any of the page's JS: a click or submit inside a demo that waits for its
 * code (`data-lazy-demo="waiting"`) is held (a Run click would otherwise submit the form and reload
 * the page), and `lazyDemo` replays it on the element in the same place once the demo is live.
 * Clicks on fields and their labels go through: the box ticks or the radio turns at once, and
 * `lazyDemo` hands the live demo the values it finds. Keep the attribute in step with `lazy-demo.tsx`.
 */
export const holdEventsScript = `(()=>{var h=window.${heldKey}=window.${heldKey}||[];['click','submit'].forEach(function(t){addEventListener(t,function(e){var n=e.target;if(n&&n.closest&&n.closest('[data-lazy-demo="waiting"]')&&!n.closest('input,select,textarea,label')){e.preventDefault();h.push(n)}},true)})})()`
