import threading
import time


def thread_function(name):
    print(f"Thread {name}: starting")
    time.sleep(2)  # blocks this thread only; the others keep going
    print(f"Thread {name}: finishing")


class MyThread(threading.Thread):
    """The same work as a subclass: start() runs run() on the new thread."""

    def __init__(self, name):
        threading.Thread.__init__(self)
        self.name = name

    def run(self):
        print(f"Thread {self.name}: starting")
        time.sleep(2)
        print(f"Thread {self.name}: finishing")


if __name__ == "__main__":
    start = time.perf_counter()
    threads = []
    for i in range(5):
        # Or, with the subclass: x = MyThread(name=i)
        x = threading.Thread(target=thread_function, args=(i,))
        threads.append(x)
        x.start()

    # 6: the main thread and the five others
    print(f"active_count: {threading.active_count()}")

    for thread in threads:
        thread.join()
    # About 2 s, not 5 × 2 s
    print(f"All finished in {time.perf_counter() - start:.1f} s")
