'use client'

import type { ComponentType } from 'react'
import { lazyDemo } from '@/components/demo-kit/lazy-demo'
import { liveDemos } from './live-demos'

/**
 * Each demo's component, loaded from its own chunk (live-demos.ts, written from the demos' file
 * names). Lessons name a demo by its id (`<Demo id="x">`) and never import its module: the one
 * lesson route reaches every lesson, and a plain import would ship all demos with every lesson
 * (Turbopack puts a route's client components in shared chunks). Props are typed where a server
 * part passes them on, by `LiveDemo`'s type argument.
 */
const loaders = liveDemos as Partial<Record<string, () => Promise<ComponentType<object>>>>

/** Every demo's id. */
export const demoIds = Object.keys(liveDemos)

const unknown = (id: string) => new Error(`No demo "${id}": its code goes in components/demos/${id}-demo.tsx, exporting its component`)

/** The live component of the demo with this id, once its chunk has loaded. */
export async function loadDemo(id: string): Promise<ComponentType<object>> {
  const load = loaders[id]
  if (!load) throw unknown(id)
  return load()
}

/** Made once per demo, here: a render looks its demo up, and gets the same component every time. */
const demos: Partial<Record<string, ComponentType<object>>> = Object.fromEntries(demoIds.map((id) => [id, lazyDemo(() => loadDemo(id))]))

/**
 * The live demo of this id, rendered whole on the server; the browser loads its chunk only when it
 * nears the screen, is touched, or is named by a preset link (see `lazyDemo`). A server part passes
 * its props on, typed by its client component: `<LiveDemo<ComponentProps<typeof XClient>> id="x" … />`.
 */
export function LiveDemo<P extends object = object>({ id, ...props }: { id: string } & P) {
  const Demo = demos[id]
  if (!Demo) throw unknown(id)
  return <Demo {...props} />
}
