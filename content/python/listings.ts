import type { Expectation, Figure } from '@/lib/python/listing'

/** Seconds printed with one decimal or two, e.g. `in 0.62 s`. */
const seconds = (range: readonly [number, number] = [0, 60]): Figure => ({ pattern: /(\d+\.\d+) s\b/, range })
/** A time printed at the start of a line by a listing's own clock, e.g. `1.7 s: beat 1`: within 0.3 s of the recording. */
const clock: Figure = { pattern: /^(\d+\.\d) s/, within: 0.3 }

/**
 * What CPython does with the Python programs in this folder, where it is not simply "prints exactly
 * what recorded.json says, in one run without arguments": figures that vary from run to run, lines
 * printed in any order, arguments, the site, an exception or a hang. Every `.py` file here is a
 * listing whether or not it has an entry: `npm test` runs each one and compares its output with the
 * recording (`npm run record:python`). An entry for a file that is not here fails the test.
 */
export const listings: Readonly<Record<string, Expectation>> = {
  'async_fetch.py': { site: true, runs: [['{site}', 'sequential'], ['{site}', 'gather'], ['{site}', 'bounded']], figures: [seconds()] },
  'cores.py': { figures: [{ pattern: /has (\d+) logical CPUs?/ }, seconds()] },
  'counter.py': {
    figures: [
      // The call inside the increment lets the GIL change hands between the read and the write.
      { pattern: /CallCounter: ([\d,]+) of/, range: [1, 3_999_999] },
      { pattern: /lost ([\d,]+)\)/, range: [1, 3_999_999] },
      seconds(),
    ],
  },
  'event_loop_blocking.py': { figures: [clock] },
  'gil.py': { timeout: 90, figures: [seconds(), { pattern: /(\d+\.\d+) ms/ }] },
  'pool_map.py': { figures: [{ pattern: /computed by (\d+)/ }] },
  'pool_speedup.py': { figures: [seconds(), { pattern: /speedup ×(\d+\.\d+)/, range: [0.2, 64] }] },
  'pyodide_blocking.py': { figures: [clock] },
  'pyodide_gather.py': { figures: [{ pattern: /took (\d+\.\d) s/, within: 0.3 }] },
  'pyodide_threads.py': { anyOrder: true, line: /thread \d done/ },
  'queue_workers.py': { anyOrder: true, line: /consumer \d consumed \d+ items/, figures: [{ pattern: /consumed (\d+) items/, range: [0, 40] }] },
  'scraper_asyncio.py': { site: true, runs: [['{dir}/scraper_pipeline.yaml', '{site}']], figures: [seconds()] },
  'scraper_pipeline.py': { site: true, runs: [['{dir}/scraper_pipeline.yaml', '{site}']], figures: [seconds()] },
  'semaphore.py': { anyOrder: true, line: /Task \d+: (?:waiting|inside|done)/ },
  'startup.py': { figures: [{ pattern: /: ([\d.]+) (?:ms|µs)/ }, { pattern: /ratio: ([\d,]+)×/ }] },
  'tasks.py': {
    runs: [['gather'], ['create_task'], ['wait_for'], ['cancel'], ['return_exceptions']],
    figures: [{ pattern: /^(\d+\.\d) s/, within: 0.2 }],
  },
  'threads.py': { anyOrder: true, line: /Thread \d+: (?:starting|finishing)|active_count: \d+|All finished in \d+\.\d s/, figures: [seconds([1.9, 3])] },
}
