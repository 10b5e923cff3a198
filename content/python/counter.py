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
            # LOAD self.value, ADD 1, STORE self.value: another thread can run in between.
            self.value += 1


def run_threaded_increments(counter, increments, workers=4):
    start_line = threading.Barrier(workers)  # everyone starts counting at the same moment

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
        print(f"{type(counter).__name__}: {counter.value:,} of {4_000_000:,} in {took:.2f} s")
