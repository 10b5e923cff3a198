/**
 * A `useSyncExternalStore` subscription to a value kept in localStorage: it fires on changes from
 * other tabs (`storage`) and on this tab's own writes, announced with `announce(event)`.
 */
export function storageSubscription(event: string) {
  return (onChange: () => void) => {
    window.addEventListener('storage', onChange)
    window.addEventListener(event, onChange)
    return () => {
      window.removeEventListener('storage', onChange)
      window.removeEventListener(event, onChange)
    }
  }
}

/** Tells this tab's subscribers that a stored value changed. */
export const announce = (event: string) => window.dispatchEvent(new Event(event))

/** Whether a key press belongs to a form control, so page-wide shortcuts must leave it alone. */
export const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.getAttribute('role') === 'tab')
