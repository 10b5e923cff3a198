import threading
import time


class ThreadSafeCounter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def increment(self, n):
        for _ in range(n):
            with self.lock:
                self.value += 1


class UnsafeCounter:
    def __init__(self):
        self.value = 0

    def increment(self, n):
        for _ in range(n):
            # LOAD, ADD, STORE: another thread can run in between. With the
            # GIL, CPython 3.10+ rarely switches inside this tight loop, so it
            # may print 4,000,000 by luck; free-threaded Python loses updates.
            self.value += 1


def run_threaded_increments(counter, increments, workers=4):
    # Everyone starts counting at the same moment.
    start_line = threading.Barrier(workers)

    def work():
        start_line.wait()
        counter.increment(increments)

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    for counter in (UnsafeCounter(), ThreadSafeCounter()):
        started = time.perf_counter()
        run_threaded_increments(counter, 1_000_000)
        took = time.perf_counter() - started
        name = type(counter).__name__
        print(f"{name}: {counter.value:,} of 4,000,000 in {took:.2f} s")
