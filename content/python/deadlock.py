import threading
import time

lock_a = threading.Lock()  # guards account A
lock_b = threading.Lock()  # guards account B


def transfer(name, first, second):
    with first:
        # Work on the first account. Meanwhile the other thread takes its
        # own first lock.
        time.sleep(0.5)
        # A plain `with second:` would wait forever; a timeout notices.
        if not second.acquire(timeout=2):
            print(f"{name}: gave up waiting for its second lock")
            return
        try:
            time.sleep(0.5)
            print(f"{name}: moved the money")
        finally:
            second.release()


def run(order):
    print(f"Locks taken in {order} order:")
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
        time.sleep(0.25)  # the second transfer starts a moment later
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    # A deadlock: each thread holds one lock and waits for the other's.
    # Thread 1 asked first, so its timeout expires first: it gives up and
    # releases lock A, and thread 2 then takes A and moves the money.
    run("opposite")
    # No deadlock: thread 2 waits for lock A until thread 1 is done.
    run("global")
