import { SourceFile } from '@/components/mdx/source-file'
import { patternIds } from './patterns'
import type { ComponentProps } from 'react'
import { LiveDemo } from '../lazy'
import type { TasksClient, Twins } from './tasks-client'

/** The task patterns, each with its Python twin and its TypeScript highlighted at build time. */
export function TasksDemo() {
  const twins = Object.fromEntries(
    patternIds.map((id) => [
      id,
      {
        python: <SourceFile path="content/python/tasks.py" region={id} />,
        typescript: <SourceFile path="components/demos/tasks/patterns.ts" region={id} />,
      },
    ]),
  ) as Twins
  const helper = {
    python: <SourceFile path="content/python/tasks.py" region="fetch-data" />,
    typescript: <SourceFile path="components/demos/tasks/patterns.ts" region="fetch-data" />,
  }
  return <LiveDemo<ComponentProps<typeof TasksClient>> id="tasks" twins={twins} helper={helper} />
}
