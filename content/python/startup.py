import time
from multiprocessing import Process


def ping():
    return time.perf_counter()


if __name__ == "__main__":
    # Start a process and wait for it to finish, ten times over.
    start = time.perf_counter()
    for _ in range(10):
        p = Process(target=ping)
        p.start()
        p.join()
    per_process = (time.perf_counter() - start) / 10

    # Call the same function in this thread.
    start = time.perf_counter()
    for _ in range(10_000):
        ping()
    per_call = (time.perf_counter() - start) / 10_000

    print(f"start a process: {per_process * 1000:.1f} ms")
    print(f"call a function: {per_call * 1e6:.2f} µs")
    print(f"ratio: {per_process / per_call:,.0f}×")
