import threading
import time

lock_a = threading.Lock()  # guards account A
lock_b = threading.Lock()  # guards account B


def transfer(name, first, second):
    with first:
        # Work on the first account. Meanwhile the other thread takes its
        # own first lock.
        time.sleep(0.3)
        # A plain `with second:` would wait forever; a timeout notices.
        if not second.acquire(timeout=2):
            print(f"{name}: gave up waiting for its second lock")
            return
        try:
            time.sleep(0.3)
            print(f"{name}: moved the money")
        finally:
            second.release()


def run(order):
    if order == "opposite":
        # Each thread first locks the account it takes money from.
        pairs = [(lock_a, lock_b), (lock_b, lock_a)]
    else:
        # The fix: every thread takes the locks in one order, A before B.
        pairs = [(lock_a, lock_b), (lock_a, lock_b)]
    threads = [
        threading.Thread(target=transfer, args=(f"Thread {i}", first, second))
        for i, (first, second) in enumerate(pairs, start=1)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    run("opposite")  # deadlocks until both timeouts expire
    run("global")  # runs clean
