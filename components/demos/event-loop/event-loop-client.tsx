'use client'

import type { ReactNode } from 'react'
import { DemoControl } from '@/components/demo-kit/control-field'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { CodeWithMarkers } from './code-with-markers'
import { examples, type ExampleId } from './examples'
import { OutputPanel, ReadyPanel, RunningPanel, TasksPanel, TimersPanel } from './loop-panels'
import { EventLine, PlaybackToolbar } from './playback'
import { useLoopPlayback } from './use-loop-playback'

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
      <div className="@container">
        {/* Narrow: one column. Wide (the demo full screen, presenter mode): the code on the left, the loop's state on the right. */}
        <div className="grid gap-3.5 [--el-line:1.5rem] @3xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] @3xl:content-start @3xl:[--el-line:1.3rem]">
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
          <div className="grid gap-3.5 @3xl:contents">
            <div className="grid grid-cols-[repeat(auto-fit,minmax(12rem,1fr))] content-start gap-3.5 @3xl:col-start-2 @3xl:row-span-2 @3xl:row-start-3 @3xl:grid-cols-1">
              <RunningPanel frame={frame} />
              <ReadyPanel frame={frame} />
              <TimersPanel frame={frame} />
            </div>
            <div className="min-w-0 @3xl:col-start-1 @3xl:row-start-3">
              <p className="demo-label mt-0 mb-1.5 font-mono tracking-normal normal-case">{examples[example].file}</p>
              <CodeWithMarkers source={sources[example]} frame={frame} label={examples[example].file}>
                {highlighted[example]}
              </CodeWithMarkers>
            </div>
          </div>
          <div className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-3.5 @max-xl:grid-cols-1 @3xl:col-start-1 @3xl:row-start-4 @3xl:grid-cols-1 @3xl:content-start">
            <TasksPanel frame={frame} />
            <OutputPanel frame={frame} />
          </div>
        </div>
      </div>
    </DemoFrame>
  )
}
