'use client'

import type { ReactNode } from 'react'
import { DemoControl } from '@/components/demo-kit/control-field'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { CodeWithMarkers } from './code-with-markers'
import { examples, type ExampleId } from './examples'
import { OutputPanel, ReadyPanel, RunningPanel, TasksPanel, TimersPanel } from './loop-panels'
import { EventLine, PlaybackToolbar } from './playback'
import { useLoopPlayback } from './use-loop-playback'
import './event-loop.css'

type Props = {
  /** Each example's Python source, read from content/python at build time. */
  sources: Record<ExampleId, string>
  /** The same, highlighted at build time. */
  highlighted: Record<ExampleId, ReactNode>
}

/** The event loop, step by step: a real scheduler runs the program; every frame is its state. */
export function EventLoopClient({ sources, highlighted }: Props) {
  const loop = useLoopPlayback(sources)
  const { demo, frame, example, running } = loop

  return (
    <DemoFrame
      demo={demo}
      title="The event loop, step by step"
      description="A scheduler written like asyncio's runs the program: tasks, the ready queue, the timers and the running task are its real state at each step. Play it, or pause and step."
      runLabel="the loop"
      controls={
        <>
          <DemoControl demo={demo} name="example" disabled={running} />
          <DemoControl demo={demo} name="speed" />
        </>
      }
    >
      <div className="el">
        <div className="el-body">
          <PlaybackToolbar
            playing={loop.playing}
            canGoBack={loop.paused && loop.shown > 0}
            canStep={!running || loop.paused}
            clock={loop.clock}
            onPlay={loop.togglePlay}
            onBack={loop.stepBack}
            onStep={loop.stepForward}
          />
          <EventLine frame={frame} of={loop.latest ? null : loop.frames.length - 1} paused={loop.paused} />
          <div className="el-grid">
            <div className="el-state">
              <RunningPanel frame={frame} />
              <ReadyPanel frame={frame} />
              <TimersPanel frame={frame} />
            </div>
            <div className="el-code">
              <p className="el-heading demo-label el-file">{examples[example].file}</p>
              <CodeWithMarkers source={sources[example]} frame={frame} label={examples[example].file}>
                {highlighted[example]}
              </CodeWithMarkers>
            </div>
          </div>
          <div className="el-bottom">
            <TasksPanel frame={frame} />
            <OutputPanel frame={frame} />
          </div>
        </div>
      </div>
    </DemoFrame>
  )
}
