"""The asyncio tracer, checked in CPython (run by asyncio-trace.test.ts; Pyodide runs it in the browser)."""

import asyncio
import json
import os
import sys
import textwrap
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import asyncio_trace  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
EXAMPLES = ['gather', 'sequential', 'create_task', 'blocking']


def trace(source, **limits):
    return asyncio_trace.trace(textwrap.dedent(source), **limits)


def kinds(result):
    return [frame['event']['kind'] for frame in result['frames']]


class Examples(unittest.TestCase):
    def test_each_example_runs_the_callbacks_cpython_recorded(self):
        with open(os.path.join(ROOT, 'components/demos/event-loop/asyncio-traces.json')) as f:
            recorded = json.load(f)
        for name in EXAMPLES:
            with self.subTest(name), open(os.path.join(ROOT, f'content/python/event_loop_{name}.py')) as f:
                result = asyncio_trace.trace(f.read())
                # On the virtual clock the times are exact, not rounded readings of a real one.
                self.assertEqual(result['trace'], recorded[name])
                self.assertIsNone(result['error'])
                self.assertIsNone(result['stopped'])

    def test_frames_are_numbered_in_order_and_time_never_goes_back(self):
        with open(os.path.join(ROOT, 'content/python/event_loop_gather.py')) as f:
            frames = asyncio_trace.trace(f.read())['frames']
        self.assertEqual([f['step'] for f in frames], list(range(len(frames))))
        times = [f['time'] for f in frames]
        self.assertEqual(times, sorted(times))
        self.assertEqual(frames[0]['event']['kind'], 'start')
        self.assertEqual([f['label'] for f in frames[0]['ready']], ['Task-1.__step()'])
        self.assertTrue(frames[-1]['finished'])
        self.assertFalse(any(f['finished'] for f in frames[:-1]))
        gathered = next(f for f in frames if f['event']['kind'] == 'suspend')
        self.assertEqual([r['label'] for r in gathered['ready']], ['Task-2.__step()', 'Task-3.__step()', 'Task-4.__step()'])
        self.assertEqual(gathered['tasks'][0]['waitingOn'], 'gather(Task-2, Task-3, Task-4)')
        sleeping = next(f for f in frames if len(f['timers']) == 3)
        self.assertEqual([t['label'] for t in sleeping['timers']], ['1.0 s → wake Task-2', '1.0 s → wake Task-3', '1.0 s → wake Task-4'])


class Clock(unittest.TestCase):
    def test_an_hour_of_sleep_costs_no_real_time(self):
        started = time.perf_counter()
        result = trace(
            """
            import asyncio, time

            async def main():
                await asyncio.sleep(3600)
                print(time.monotonic())

            asyncio.run(main())
            """
        )
        self.assertLess(time.perf_counter() - started, 2)
        self.assertEqual(result['stdout'], ['3600.0'])
        self.assertEqual(result['frames'][-1]['time'], 3_600_000)

    def test_time_sleep_freezes_the_loop_while_the_clock_runs_on(self):
        result = trace(
            """
            import asyncio, time

            async def heartbeat():
                for beat in range(3):
                    print(f'{time.perf_counter():.1f} s: beat {beat}')
                    await asyncio.sleep(0.5)

            async def main():
                task = asyncio.create_task(heartbeat())
                await asyncio.sleep(0.1)
                time.sleep(1)
                await task

            asyncio.run(main())
            """
        )
        self.assertEqual(result['stdout'], ['0.0 s: beat 0', '1.1 s: beat 1', '1.6 s: beat 2'])
        blocked = [f for f in result['frames'] if f['blocked']]
        self.assertEqual(len(blocked), 1)
        frame = blocked[0]
        self.assertEqual((frame['time'], frame['running'], frame['event']['kind']), (1100, 'Task-1', 'block'))
        self.assertIn('time.sleep(1)', frame['event']['text'])
        self.assertEqual(frame['event']['line'], 12)
        # The heartbeat's timer came due during the sleep, but waits among the timers.
        self.assertEqual([t['when'] for t in frame['timers']], [500])

    def test_time_sleep_refuses_what_cpython_refuses(self):
        result = trace('import time\ntime.sleep(-1)\n')
        self.assertEqual(result['error']['message'], 'ValueError: sleep length must be non-negative')


class Steps(unittest.TestCase):
    def test_await_of_a_coroutine_runs_it_inside_the_same_task(self):
        with open(os.path.join(ROOT, 'content/python/event_loop_sequential.py')) as f:
            frames = asyncio_trace.trace(f.read())['frames']
        calls = [f for f in frames if f['event']['kind'] == 'call']
        self.assertEqual(len(calls), 3)
        self.assertEqual([s['fn'] for s in calls[0]['tasks'][0]['stack']], ['main', 'fetch_data'])
        self.assertEqual(len([f for f in frames if f['event']['kind'] == 'return']), 3)
        self.assertEqual([t['name'] for t in frames[-1]['tasks']], ['Task-1'])

    def test_create_task_shows_the_new_task_queued_while_its_creator_runs_on(self):
        result = trace(
            """
            import asyncio

            async def child():
                print('child runs')

            async def main():
                task = asyncio.create_task(child())
                print('created')
                await asyncio.sleep(0)
                print('main again')
                await task
                print('awaited a finished task')

            asyncio.run(main())
            """
        )
        self.assertEqual(result['stdout'], ['created', 'child runs', 'main again', 'awaited a finished task'])
        created = next(f for f in result['frames'] if f['event']['kind'] == 'create-task')
        self.assertEqual((created['running'], created['event']['line']), ('Task-1', 8))
        self.assertEqual([r['label'] for r in created['ready']], ['Task-2.__step()'])
        self.assertEqual(created['tasks'][1]['state'], 'scheduled')
        self.assertFalse(created['tasks'][1]['started'])
        yielded = next(f for f in result['frames'] if 'sleep(0)' in f['event']['text'])
        self.assertEqual([r['label'] for r in yielded['ready']], ['Task-2.__step()', 'Task-1.__step()'])

    def test_task_names_start_again_at_task_1_on_every_trace(self):
        program = 'import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n'
        trace(program)
        self.assertEqual(trace(program)['trace'][0], '0.0 step Task-1')

    @unittest.skipIf(sys.version_info < (3, 12), 'asyncio.eager_task_factory is new in 3.12')
    def test_a_task_factory_the_program_sets_is_called_as_cpython_calls_it(self):
        result = trace("""
            import asyncio

            async def job(n):
                print('start', n)
                await asyncio.sleep(1)
                print('end', n)

            async def main():
                asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
                task = asyncio.create_task(job(1))
                print('created')
                await task

            asyncio.run(main())
        """)
        # Eager: the task runs up to its first await inside create_task, as CPython 3.12+ prints.
        self.assertEqual(result['stdout'], ['start 1', 'created', 'end 1'])

    def test_a_timeout_cancels_the_slow_task(self):
        result = trace(
            """
            import asyncio

            async def slow():
                await asyncio.sleep(5)

            async def main():
                try:
                    await asyncio.wait_for(slow(), timeout=0.5)
                except TimeoutError:
                    print('timed out')

            asyncio.run(main())
            """
        )
        self.assertEqual(result['stdout'], ['timed out'])
        self.assertEqual(result['frames'][-1]['time'], 500)
        self.assertIsNone(result['error'])


class Failures(unittest.TestCase):
    def test_an_exception_gets_cpythons_traceback_without_the_tracer(self):
        result = trace(
            """
            import asyncio

            async def main():
                print('dividing')
                await asyncio.sleep(0.5)
                return 1 / 0

            asyncio.run(main())
            """
        )
        error = result['error']
        self.assertEqual(error['type'], 'ZeroDivisionError')
        self.assertEqual(error['message'], 'ZeroDivisionError: division by zero')
        self.assertEqual(error['traceback'][0], 'Traceback (most recent call last):')
        self.assertIn('  File "main.py", line 7, in main', error['traceback'])
        self.assertFalse(any('asyncio_trace' in line for line in error['traceback']))
        self.assertEqual(result['stdout'], ['dividing'])
        last = result['frames'][-1]
        self.assertEqual((last['event']['kind'], last['event']['line'], last['finished']), ('error', 7, True))
        self.assertEqual(last['tasks'][0]['result'], "raised ZeroDivisionError('division by zero')")

    def test_a_syntax_error_is_reported_as_cpython_reports_it(self):
        result = trace('import asyncio\n\nasync def main(:\n    pass\n')
        self.assertEqual(result['error']['type'], 'SyntaxError')
        self.assertEqual(result['error']['traceback'][0], '  File "main.py", line 3')
        self.assertEqual(kinds(result), ['error'])

    def test_an_endless_program_stops_at_the_step_limit(self):
        result = trace(
            """
            import asyncio

            async def main():
                while True:
                    print('tick')
                    await asyncio.sleep(1)

            asyncio.run(main())
            """,
            max_steps=50,
        )
        self.assertIn('Stopped after 50 steps', result['stopped'])
        self.assertEqual(len(result['frames']), 51)
        self.assertEqual(result['frames'][-1]['event']['kind'], 'limit')
        self.assertIsNone(result['error'])
        self.assertGreater(len(result['stdout']), 3)

    def test_a_loop_that_never_awaits_is_stopped_after_its_time(self):
        started = time.perf_counter()
        result = trace(
            """
            import asyncio

            async def main():
                while True:
                    pass

            asyncio.run(main())
            """,
            max_seconds=0.5,
        )
        self.assertLess(time.perf_counter() - started, 10)
        self.assertIn('of computing', result['stopped'])
        self.assertEqual(kinds(result)[-2:], ['block', 'limit'])

    def test_awaiting_what_nothing_will_finish_is_stopped(self):
        result = trace(
            """
            import asyncio

            async def main():
                await asyncio.get_running_loop().create_future()

            asyncio.run(main())
            """
        )
        self.assertIn('wait for ever', result['stopped'])

    def test_the_tracer_puts_back_what_it_replaced(self):
        saved = (asyncio.run, asyncio.new_event_loop, time.sleep, time.perf_counter, sys.stdout, sys.stderr, sys.gettrace())
        trace('import time\ntime.sleep(1)\nraise SystemExit(3)\n')
        self.assertEqual((asyncio.run, asyncio.new_event_loop, time.sleep, time.perf_counter, sys.stdout, sys.stderr, sys.gettrace()), saved)


if __name__ == '__main__':
    unittest.main()
