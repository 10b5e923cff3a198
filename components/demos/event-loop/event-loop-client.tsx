'use client'

import { useId, type ReactNode } from 'react'
import { ControlField, DemoControl } from '@/components/demo-kit/control-field'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { YamlEditor } from '../yaml-editor'
import { CodeWithMarkers } from './code-with-markers'
import { examples, type ExampleId } from './examples'
import { OutputPanel, ReadyPanel, RunningPanel, TasksPanel, TimersPanel } from './loop-panels'
import { EventLine, PlaybackToolbar } from './playback'
import { isEdited, maxSource, useLoopPlayback } from './use-loop-playback'

type Props = {
  /** Each example's Python source, read from content/python at build time. */
  sources: Record<ExampleId, string>
  /** The same, highlighted at build time. */
  highlighted: Record<ExampleId, ReactNode>
}

const noMarks: never[] = []

/** The event loop, step by step: a real scheduler runs the program; every frame is its state. */
export function EventLoopClient({ sources, highlighted }: Props) {
  const loop = useLoopPlayback(sources)
  const { demo, frame, program, running } = loop
  const editorId = useId()

  const example = (examples[demo.raws.example as ExampleId] ? demo.raws.example : 'gather') as ExampleId
  const code = demo.raws.source || sources[example]
  const edited = isEdited(demo.raws.source, example, sources)
  const tooLong = demo.errors.source
  const errorLine = frame?.event.kind === 'error' ? frame.event.line : null

  const shownSource = 'own' in program ? program.own : sources[program.example]
  const shownLabel = 'own' in program ? 'main.py (your program)' : examples[program.example].file

  return (
    <DemoFrame
      demo={demo}
      title="The event loop, step by step"
      description="A scheduler written like asyncio's runs the program: tasks, the ready queue, the timers and the running task are its real state at each step. Play it, or pause and step. Edit the code to trace your own program in real CPython."
      runLabel="the loop"
      controls={
        <>
          <ControlField
            name="example"
            spec={demo.controls.example}
            raw={demo.raws.example}
            error={demo.errors.example}
            disabled={running}
            onChange={(raw) => {
              // Picking an example puts its code in the editor, in place of any edits.
              demo.setRaw('example', raw)
              demo.setRaw('source', '')
            }}
          />
          <div className="control control-text min-w-0 basis-full" data-control="source">
            <label htmlFor={editorId} className="control-label">
              Python code <span className="control-range">(edit it to trace your own program in CPython)</span>
            </label>
            <YamlEditor
              id={editorId}
              value={code}
              onChange={(value) => demo.setRaw('source', value === sources[example] ? '' : value)}
              marks={noMarks}
              errorLines={new Set(errorLine ? [errorLine] : [])}
              disabled={running}
              invalid={Boolean(tooLong)}
              describedBy={`${editorId}-help${tooLong ? ` ${editorId}-error` : ''}`}
              rows={Math.min(Math.max(code.split('\n').length, 8), 24)}
            />
            <p id={`${editorId}-help`} className="control-help">
              {edited
                ? `Your program (${code.length.toLocaleString('en-US')} of ${maxSource.toLocaleString('en-US')} characters) runs in CPython (Pyodide) under an instrumented event loop on a virtual clock: asyncio.sleep costs no real time.`
                : 'This example runs on the TypeScript scheduler, instantly. Change anything and Run traces it in CPython instead.'}
            </p>
            {tooLong ? (
              <p id={`${editorId}-error`} className="control-error">
                {tooLong}
              </p>
            ) : null}
            {edited ? (
              <button type="button" className="button mt-1.5 justify-self-start" disabled={running} onClick={() => demo.setRaw('source', '')}>
                Put back the example
              </button>
            ) : null}
          </div>
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
            canEnd={running && loop.frames.length > 0}
            clock={loop.clock}
            onPlay={loop.togglePlay}
            onBack={loop.stepBack}
            onStep={loop.stepForward}
            onEnd={loop.toEnd}
          />
          <EventLine frame={frame} of={loop.latest ? null : loop.frames.length - 1} paused={loop.paused} preparing={loop.preparing} />
          <div className="grid gap-3.5 @3xl:contents">
            <div className="grid grid-cols-[repeat(auto-fit,minmax(12rem,1fr))] content-start gap-3.5 @3xl:col-start-2 @3xl:row-span-2 @3xl:row-start-3 @3xl:grid-cols-1">
              <RunningPanel frame={frame} />
              <ReadyPanel frame={frame} />
              <TimersPanel frame={frame} />
            </div>
            <div className="min-w-0 @3xl:col-start-1 @3xl:row-start-3">
              <p className="demo-label mt-0 mb-1.5 font-mono tracking-normal normal-case">{shownLabel}</p>
              <CodeWithMarkers source={shownSource} frame={frame} label={shownLabel}>
                {'own' in program ? (
                  // The learner's own program, unhighlighted, on the same lines as the marks.
                  <pre className="relative m-0 px-4 py-3 leading-(--el-line) whitespace-pre [tab-size:4]">
                    <code>{program.own}</code>
                  </pre>
                ) : (
                  highlighted[program.example]
                )}
              </CodeWithMarkers>
            </div>
          </div>
          <div className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-3.5 @max-xl:grid-cols-1 @3xl:col-start-1 @3xl:row-start-4 @3xl:grid-cols-1 @3xl:content-start">
            <TasksPanel frame={frame} />
            <OutputPanel frame={frame} traceback={frame?.event.kind === 'error' ? loop.traceback : null} />
          </div>
        </div>
      </div>
    </DemoFrame>
  )
}
