'use client'

import { useEffect, useSyncExternalStore } from 'react'
import { announce, storageSubscription } from './browser-events'

export type ThemeChoice = 'light' | 'dark' | 'system'
const storageKey = 'theme'

/**
 * Runs in <head> before the first paint, so the page never flashes the wrong theme.
 * Keep in step with `apply` below.
 */
export const themeScript = `(()=>{try{var s=localStorage.getItem('${storageKey}'),d=s==='dark'||(s!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches),e=document.documentElement;e.classList.toggle('dark',d);e.style.colorScheme=d?'dark':'light'}catch(_){}})()`

function apply(choice: ThemeChoice) {
  const dark = choice === 'dark' || (choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
}

// The stored choice, as an external store shared with other tabs.
const changeEvent = 'theme-change'
const subscribe = storageSubscription(changeEvent)
function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(storageKey)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

const options: { value: ThemeChoice; label: string; icon: string }[] = [
  { value: 'light', label: 'Light theme', icon: '☀' },
  { value: 'system', label: 'System theme', icon: '◐' },
  { value: 'dark', label: 'Dark theme', icon: '☾' },
]

/** Light, dark, or follow the system (the default); the choice is remembered on this device. */
export function ThemeSwitch() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as const)

  useEffect(() => {
    apply(choice)
    if (choice !== 'system') return
    const query = matchMedia('(prefers-color-scheme: dark)')
    const follow = () => apply('system')
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [choice])

  function choose(next: ThemeChoice) {
    if (next === 'system') localStorage.removeItem(storageKey)
    else localStorage.setItem(storageKey, next)
    announce(changeEvent)
  }

  return (
    <div role="group" aria-label="Colour theme" className="inline-flex flex-none rounded-full border border-border bg-surface p-0.75">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={choice === option.value}
          aria-label={option.label}
          title={option.label}
          onClick={() => choose(option.value)}
          className="grid size-8 cursor-pointer place-items-center rounded-full text-body text-muted aria-pressed:bg-bg aria-pressed:text-text aria-pressed:shadow-[0_1px_3px_rgb(0_0_0/0.15)]"
        >
          <span aria-hidden="true">{option.icon}</span>
        </button>
      ))}
    </div>
  )
}

function subscribeToThemeClass(onChange: () => void) {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

/** Whether the page is dark now: for drawing that CSS does not reach, such as a canvas. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(
    subscribeToThemeClass,
    () => document.documentElement.classList.contains('dark'),
    () => false,
  )
}
