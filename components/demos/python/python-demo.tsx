import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pythonExampleIds, pythonExamples, type PythonExampleId } from './examples'
import type { ComponentProps } from 'react'
import { LiveDemo } from '../lazy'
import type { PythonClient } from './python-client'

/** Run the real Python: the example programs are read from content/python at build time. */
export async function PythonDemo() {
  const sources = Object.fromEntries(
    await Promise.all(
      pythonExampleIds.map(async (id) => [id, await readFile(path.resolve(/* turbopackIgnore: true */ process.cwd(), pythonExamples[id].file), 'utf8')]),
    ),
  ) as Record<PythonExampleId, string>
  return <LiveDemo<ComponentProps<typeof PythonClient>> id="python" sources={sources} />
}
