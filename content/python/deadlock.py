import threading
import time

lock_a = threading.Lock()  # guards account A
lock_b = threading.Lock()  # guards account B


def transfer(name, first, second):
    with first:
        time.sleep(0.3)  # work on the first account; the other thread takes its own first lock
        # A plain `with second:` would wait forever. A timeout notices the deadlock.
        if not second.acquire(timeout=2):
            print(f"{name}: gave up waiting for the second lock: deadlock")
            return
        try:
            time.sleep(0.3)
            print(f"{name}: moved the money")
        finally:
            second.release()


def run(order):
    if order == "opposite":  # each thread locks the account it takes money from first
        pairs = [(lock_a, lock_b), (lock_b, lock_a)]
    else:  # the fix: every thread takes the locks in one global order, A before B
        pairs = [(lock_a, lock_b), (lock_a, lock_b)]
    threads = [
        threading.Thread(target=transfer, args=(f"Thread {i + 1}", first, second))
        for i, (first, second) in enumerate(pairs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    run("opposite")  # deadlocks until both timeouts expire
    run("global")  # runs clean
