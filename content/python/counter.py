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
            # LOAD, ADD, STORE, with no lock. CPython 3.10+ with the GIL
            # switches threads only at a call or the loop's jump back, never
            # between this load and store, so no update is lost: luck, not
            # a promise. Free-threaded Python (3.13t) loses updates here.
            self.value += 1


def add_one(x):
    return x + 1


class CallCounter:
    def __init__(self):
        self.value = 0

    def increment(self, n):
        for _ in range(n):
            # The same read and write, with a call in between: the GIL can
            # change hands at the call, after the read and before the write.
            self.value = add_one(self.value)


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
    for counter in (UnsafeCounter(), CallCounter(), ThreadSafeCounter()):
        started = time.perf_counter()
        run_threaded_increments(counter, 1_000_000)
        took = time.perf_counter() - started
        name = type(counter).__name__
        print(f"{name}: {counter.value:,} of 4,000,000 in {took:.2f} s")
