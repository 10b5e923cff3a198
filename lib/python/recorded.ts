/**
 * The output CPython printed for each listing of content/python, recorded by `npm run record:python`
 * into content/python/recorded.json, and shown beside the demos. Readable anywhere (no Node APIs).
 */
import recording from '@/content/python/recorded.json'

export type RecordedRun = {
  /** The listing's file name in content/python. */
  file: string
  /** Its arguments as declared: `{site}` for the site's URL, `{dir}` for content/python. */
  args: string[]
  /** What the terminal showed: stdout and stderr, as they came. */
  output: string
  exitCode: number | null
}

export type Recording = {
  /** `platform.python_version()` of the interpreter that printed it, e.g. `3.11.2`. */
  python: string
  /** The day it was recorded, ISO. */
  recorded: string
  runs: RecordedRun[]
}

export const recorded = recording as Recording

/** `3.11.2` → `3.11`. */
export const minorVersion = (version: string) => version.split('.').slice(0, 2).join('.')

/** The recorded runs of one listing, in the order declared. */
export const runsOf = (file: string) => recorded.runs.filter((run) => run.file === file)

/** The command a learner types to get this output, e.g. `python3 tasks.py cancel`. */
export function commandLine({ file, args }: Pick<RecordedRun, 'file' | 'args'>): string {
  const shown = args.map((arg) => arg.replace('{site}', 'http://localhost:3000').replace('{dir}/', ''))
  return ['python3', file, ...shown].join(' ')
}
