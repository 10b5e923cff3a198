import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { highlight, type HighlightLanguage } from '@/lib/highlight'
import { extractRegion } from '@/lib/source-region'
import { CodeBlock } from './code-block'

const languageByExtension: Record<string, HighlightLanguage> = {
  '.py': 'python',
  '.ts': 'typescript',
  '.tsx': 'tsx',
  '.mjs': 'javascript',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
}

type SourceFileProps = {
  /** A path inside this repository, e.g. `workers/entry/counter.worker.ts`. */
  path: string
  /** Only show the lines between `#region <name>` and `#endregion`. */
  region?: string
  /** Caption; defaults to the path. */
  title?: string
}

/** A file of this repository, read and highlighted at build time: the code that really runs. */
export async function SourceFile({ path: file, region, title }: SourceFileProps) {
  const root = process.cwd()
  // Read while pages prerender at build time; nothing here is traced into the server bundle.
  const absolute = path.resolve(/* turbopackIgnore: true */ root, file)
  if (!absolute.startsWith(root + path.sep)) throw new Error(`SourceFile: ${file} is outside the repository`)
  const lang = languageByExtension[path.extname(file)] ?? 'text'
  let code: string
  try {
    code = extractRegion(await readFile(absolute, 'utf8'), region)
  } catch (error) {
    throw new Error(`SourceFile ${file}${region ? `#${region}` : ''}: ${(error as Error).message}`)
  }
  return highlight(code, lang, (props) => <CodeBlock {...props} language={lang} title={title ?? file} />)
}
