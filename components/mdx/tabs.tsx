'use client'

import type { KeyboardEvent, ReactElement, ReactNode } from 'react'
import { Children, isValidElement, useId, useRef, useState } from 'react'

type TabProps = { label: string; children: ReactNode }

/** One panel of `<Tabs>`; its `label` names the tab. */
export function Tab({ children }: TabProps) {
  return <>{children}</>
}

/** Tabs in the WAI-ARIA pattern: arrow keys, Home and End move between tabs. */
export function Tabs({ children, label = 'Code' }: { children: ReactNode; label?: string }) {
  const tabs = Children.toArray(children).filter(
    (child): child is ReactElement<TabProps> => isValidElement(child) && typeof (child.props as TabProps).label === 'string',
  )
  const [selected, setSelected] = useState(0)
  const base = useId()
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  function onKeyDown(event: KeyboardEvent) {
    const last = tabs.length - 1
    const next = { ArrowRight: selected + 1, ArrowLeft: selected - 1, Home: 0, End: last }[event.key]
    if (next === undefined) return
    event.preventDefault()
    const index = next < 0 ? last : next > last ? 0 : next
    setSelected(index)
    buttons.current[index]?.focus()
  }

  return (
    <div className="tabs not-prose">
      <div role="tablist" aria-label={label} className="flex gap-1 border-b border-border" onKeyDown={onKeyDown}>
        {tabs.map((tab, i) => (
          <button
            key={tab.props.label}
            ref={(el) => {
              buttons.current[i] = el
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === selected}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => setSelected(i)}
            className="-mb-px cursor-pointer border-b-2 border-transparent px-[0.9rem] py-2 text-ui font-semibold text-muted aria-selected:border-accent aria-selected:text-text"
          >
            {tab.props.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.props.label}
          role="tabpanel"
          id={`${base}-panel-${i}`}
          aria-labelledby={`${base}-tab-${i}`}
          hidden={i !== selected}
          className="[&_.code-block]:mt-3"
        >
          {tab.props.children}
        </div>
      ))}
    </div>
  )
}
