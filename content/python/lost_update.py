import threading

value = 0
both_loaded = threading.Barrier(2)


def increment():
    global value
    local = value  # LOAD
    # Force one bad schedule: both threads load before either stores.
    both_loaded.wait()
    local = local + 1  # ADD
    value = local  # STORE


threads = [threading.Thread(target=increment) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(value)  # 1, not 2: one update was lost
