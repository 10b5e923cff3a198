import os
import time
from multiprocessing import Process


def spin(iterations):
    """CPU-bound busy work: each step depends on the one before."""
    x = 1
    for _ in range(iterations):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
    return x


if __name__ == "__main__":
    print(f"This machine has {os.cpu_count()} logical CPUs")
    workers = 4
    start = time.perf_counter()
    processes = [Process(target=spin, args=(2_000_000,)) for _ in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    print(f"{workers} processes finished in {time.perf_counter() - start:.2f} s")
