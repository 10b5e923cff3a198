import { SourceFile } from '@/components/mdx/source-file'
import { patternIds } from './patterns'
import { TasksClient } from '../lazy'
import type { Twins } from './tasks-client'

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
  return <TasksClient twins={twins} helper={helper} />
}
