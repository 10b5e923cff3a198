import { describe, expect, it } from 'vitest'
import { judgeModels, type Workload } from './models-check'

const workloads: Workload[] = [
  { name: 'Check 5,000 links', task: { bound: 'io', waits: 'few', shared: false, tasks: 5000 } },
  { name: 'Compress 16 files', task: { bound: 'cpu', waits: 'few', shared: false, tasks: 16 } },
]

describe('judgeModels', () => {
  it('solves picks the chooser agrees with', () => {
    expect(judgeModels(workloads, ['asyncio', 'multiprocessing'])).toEqual({
      solved: true,
      message: 'The chooser agrees on all 2: Check 5,000 links, asyncio; Compress 16 files, multiprocessing.',
    })
  })

  it("names each disagreement with the chooser's first reason, and gives away no answer to a job not picked yet", () => {
    expect(judgeModels(workloads, ['threading', ''])).toEqual({
      solved: false,
      message:
        'The chooser agrees on 0 of 2. Check 5,000 links: asyncio, not threading. Every wait is an await: while one coroutine waits, the event loop runs another. Compress 16 files: no model picked yet.',
    })
  })
})
