import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ComponentProps, CSSProperties, ReactNode } from 'react'
import { highlight } from '@/lib/highlight'
import { LiveDemo } from '../lazy'
import type { EventLoopClient } from './event-loop-client'
import { exampleIds, examples, type ExampleId } from './examples'

async function read(file: string) {
  // Read while the page prerenders at build time, like <SourceFile>.
  return readFile(path.resolve(/* turbopackIgnore: true */ process.cwd(), file), 'utf8')
}

/** The event-loop visualizer, given each example's Python source and its highlighted form. */
export async function EventLoopDemo() {
  const entries = await Promise.all(
    exampleIds.map(async (id) => {
      const source = (await read(examples[id].file)).trimEnd()
      // The code sits on the marks, so its own background goes; its lines are as tall as the marks.
      const code = await highlight(source, 'python', ({ className, style, ...props }) => (
        <pre
          {...props}
          className={`${String(className)} relative m-0 px-4 py-3 leading-(--el-line) whitespace-pre [tab-size:4]`}
          style={{ ...(style as CSSProperties), backgroundColor: 'transparent' }}
        />
      ))
      return [id, source, code] as const
    }),
  )
  const sources = Object.fromEntries(entries.map(([id, source]) => [id, source])) as Record<ExampleId, string>
  const highlighted = Object.fromEntries(entries.map(([id, , code]) => [id, code])) as Record<ExampleId, ReactNode>
  return <LiveDemo<ComponentProps<typeof EventLoopClient>> id="event-loop" sources={sources} highlighted={highlighted} />
}
