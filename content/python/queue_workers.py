import time
from multiprocessing import Process, Queue


def producer(queue, producer_id, items):
    for n in range(items):
        time.sleep(0.03)  # make the item
        queue.put((producer_id, n))  # waits while the queue is full


def consumer(queue, consumer_id, work):
    consumed = 0
    # get() waits while the queue is empty
    while (item := queue.get()) is not None:
        time.sleep(work)  # use the item
        consumed += 1
    print(f"consumer {consumer_id} consumed {consumed} items")


if __name__ == "__main__":
    queue = Queue(maxsize=8)
    producers = [
        Process(target=producer, args=(queue, p, 20)) for p in range(2)
    ]
    consumers = [
        Process(target=consumer, args=(queue, c, 0.08)) for c in range(2)
    ]
    for process in producers + consumers:
        process.start()
    for process in producers:
        process.join()
    for _ in consumers:
        queue.put(None)  # one stop sentinel per consumer
    for process in consumers:
        process.join()
