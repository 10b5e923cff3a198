"""Tests of virtual_clock.py, run by CPython (workers/inside/virtual-clock.test.ts): python3 -m unittest virtual_clock_test"""

import asyncio
import time
import unittest
from decimal import Decimal
from fractions import Fraction

from virtual_clock import Clock, Stop, VirtualClockLoop, run, virtual_time


async def sleepers(*delays):
    loop = asyncio.get_running_loop()
    finished = []

    async def sleeper(delay):
        await asyncio.sleep(delay)
        finished.append((delay, loop.time()))

    await asyncio.gather(*(sleeper(d) for d in delays))
    return finished, loop.time()


class VirtualClockTest(unittest.TestCase):
    real_sleep = staticmethod(time.sleep)

    def test_waits_cost_nothing_and_read_exactly(self):
        started = time.perf_counter()
        finished, now = run(sleepers(3, 1, 2))
        self.assertLess(time.perf_counter() - started, 0.5)
        self.assertEqual(finished, [(1, 1.0), (2, 2.0), (3, 3.0)])
        self.assertEqual(now, 3.0)

    def test_sequential_waits_add_up_to_the_microsecond(self):
        async def main():
            for _ in range(3):
                await asyncio.sleep(0.1)
            return asyncio.get_running_loop().time()

        self.assertEqual(run(main()), 0.3)

    def test_timeouts_fire_on_the_virtual_clock(self):
        async def main():
            loop = asyncio.get_running_loop()
            try:
                await asyncio.wait_for(asyncio.sleep(5), 0.5)
            except TimeoutError:
                return loop.time()

        self.assertEqual(run(main()), 0.5)

    def test_a_wait_for_ever_is_stopped(self):
        async def main():
            await asyncio.Event().wait()

        with self.assertRaisesRegex(Stop, 'wait for ever'):
            run(main())

    def test_endless_tasks_are_stopped_by_the_clock_and_by_turns(self):
        async def forever(delay):
            while True:
                await asyncio.sleep(delay)

        with self.assertRaisesRegex(Stop, 'past the limit of 10.0 s'):
            run(forever(1), loop_factory=lambda: VirtualClockLoop(max_seconds=10))
        with self.assertRaisesRegex(Stop, '1,000 turns'):
            run(forever(0), loop_factory=lambda: VirtualClockLoop(max_turns=1000))

    def test_virtual_time_runs_asyncio_run_and_time_sleep_on_the_clock(self):
        async def blocking():
            time.sleep(2)  # freezes the loop: costs 2 s on its clock, and no real time
            await asyncio.sleep(1)
            return asyncio.get_running_loop().time()

        started = time.perf_counter()
        with virtual_time() as loops:
            self.assertEqual(asyncio.run(blocking()), 3.0)
            time.sleep(10)  # outside a loop: returns at once
        self.assertLess(time.perf_counter() - started, 0.5)
        self.assertEqual([(loop.time(), loop.blocked) for loop in loops], [(3.0, 2.0)])
        self.assertIsNot(asyncio.run, run)

    def test_one_clock_runs_on_across_loops_and_time_sleep_is_refused_as_cpython_refuses_it(self):
        clock = Clock()
        run(sleepers(1), loop_factory=lambda: VirtualClockLoop(clock=clock))
        clock.advance(0.5)  # what the tracer does for time.sleep between two asyncio.run calls
        self.assertEqual(run(sleepers(2), loop_factory=lambda: VirtualClockLoop(clock=clock)), ([(2, 3.5)], 3.5))
        with virtual_time():
            for bad in ('1', None, -1, float('nan'), Fraction(1, 2), Decimal(1)):
                refused = ValueError if bad == -1 or bad != bad else TypeError
                with self.subTest(bad), self.assertRaises(refused) as virtual:
                    time.sleep(bad)
                with self.assertRaises(type(virtual.exception)) as real:
                    type(self).real_sleep(bad)
                self.assertEqual(str(virtual.exception), str(real.exception))

    def test_the_loop_is_closed_and_the_running_loop_put_back(self):
        with virtual_time() as loops:
            asyncio.run(asyncio.sleep(1))
        self.assertTrue(loops[0].is_closed())
        self.assertIsNone(asyncio._get_running_loop())


if __name__ == '__main__':
    unittest.main()
