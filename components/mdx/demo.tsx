import type { ReactElement } from 'react'
import { cloneElement } from 'react'
import type { DemoSlots } from '@/components/demo-kit/demo-frame'
import { minorVersion, recorded } from '@/lib/python/recorded'
import { hasRecording, RecordedOutput } from './recorded-output'
import { SourceFile } from './source-file'
import { Tab, Tabs } from './tabs'

type DemoProps = {
  /** The Python this demo mirrors: a file of this repo, optionally `#region`. */
  python?: string
  /** The TypeScript that runs: one or more files of this repo, each optionally `#region`. */
  source?: string | string[]
  /** One line on how the browser analogue differs from Python. */
  differs?: string
  /** The live demo component. */
  children: ReactElement<DemoSlots>
}

function fileAndRegion(ref: string) {
  const [path, region] = ref.split('#')
  return { path: path!, region }
}

/**
 * Puts a live demo beside its code: the Python it mirrors, the TypeScript that actually runs (both
 * read from this repository and highlighted at build time), and what real CPython printed when it
 * ran the Python.
 */
export function Demo({ python, source, differs, children }: DemoProps) {
  const sources = source === undefined ? [] : [source].flat()
  const twin = python ? fileAndRegion(python).path.replace(/^content\/python\//, '') : undefined
  const code = (
    <Tabs label="Code behind this demo">
      {python ? (
        <Tab label="Python">
          <SourceFile {...fileAndRegion(python)} />
        </Tab>
      ) : null}
      {sources.length ? (
        <Tab label="TypeScript that runs">
          {sources.map((ref) => (
            <SourceFile key={ref} {...fileAndRegion(ref)} />
          ))}
        </Tab>
      ) : null}
      {twin && hasRecording(twin) ? (
        <Tab label={`CPython ${minorVersion(recorded.python)} printed`}>
          <RecordedOutput file={twin} />
        </Tab>
      ) : null}
    </Tabs>
  )
  return cloneElement(children, { code, differs })
}
