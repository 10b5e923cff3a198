'use client'

import { lazyDemo } from '@/components/demo-kit/lazy-demo'
// The editor's look must be there before its code: the server HTML shows it from the start.
import '@/components/demos/yaml-editor.css'

/**
 * The interactive part of each challenge, each in a chunk of its own, loaded as demos are
 * (`lazyDemo`): when it nears the screen or is touched. Lessons import them from here.
 */
export const WriteYaml = lazyDemo(() => import('./write-yaml').then((m) => m.WriteYaml))
export const WriteAsyncio = lazyDemo(() => import('./write-asyncio').then((m) => m.WriteAsyncio))
