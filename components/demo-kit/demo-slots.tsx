'use client'

import type { ReactNode } from 'react'
import { createContext, useContext } from 'react'

/** What `<Demo>` in a lesson hands to the demo it wraps, for `DemoFrame` to show. */
export type DemoSlots = {
  /** The Python it mirrors, the TypeScript that runs and what CPython printed, highlighted at build time. */
  code?: ReactNode
  /** One line on how the browser analogue differs from Python. */
  differs?: ReactNode
}

const DemoSlotsContext = createContext<DemoSlots>({})

/** Hands the demo inside it its code tabs and "differs" line; its `DemoFrame` reads them. */
export function DemoSlotsProvider({ children, ...slots }: DemoSlots & { children: ReactNode }) {
  return <DemoSlotsContext value={slots}>{children}</DemoSlotsContext>
}

export const useDemoSlots = () => useContext(DemoSlotsContext)
