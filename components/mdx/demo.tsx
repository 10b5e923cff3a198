import type { ReactNode } from 'react'
import { DemoSlotsProvider } from '@/components/demo-kit/demo-slots'
import { LiveDemo } from '@/components/demos/lazy'
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
  /**
   * The listings whose recorded CPython output the demo shows (files of content/python), for a demo
   * that runs several programs. Defaults to the file of `python`.
   */
  outputs?: readonly string[]
} & (
  | {
      /** The demo's id (its `data-demo`): its code is components/demos/<id>-demo.tsx, found by that name. */
      id: string
      children?: never
    }
  | {
      /** A demo with a server part (components/demos/x/x-demo.tsx), which renders the live demo itself. */
      children: ReactNode
      id?: never
    }
)

function fileAndRegion(ref: string) {
  const [path, region] = ref.split('#')
  return { path: path!, region }
}

/**
 * Puts a live demo beside its code: the Python it mirrors, the TypeScript that actually runs (both
 * read from this repository and highlighted at build time), and what real CPython printed when it
 * ran the Python.
 */
export function Demo({ id, python, source, differs, outputs, children }: DemoProps) {
  const sources = source === undefined ? [] : [source].flat()
  const printed = (outputs ?? (python ? [fileAndRegion(python).path] : [])).map((file) => file.replace(/^content\/python\//, ''))
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
      {printed.some(hasRecording) ? (
        <Tab label={`CPython ${minorVersion(recorded.python)} printed`}>
          <RecordedOutput files={printed} />
        </Tab>
      ) : null}
    </Tabs>
  )
  return (
    <DemoSlotsProvider code={code} differs={differs}>
      {id === undefined ? children : <LiveDemo id={id} />}
    </DemoSlotsProvider>
  )
}
