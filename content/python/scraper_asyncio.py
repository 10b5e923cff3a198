"""The same pipeline with asyncio and aiohttp: one thread, one event loop, a task per worker instance.

The browser demo has the same shape. It reuses the parsers and the CSV writer of scraper_pipeline.py
(same folder), and writes quotes.csv as the threads version does.
    pip install aiohttp pyyaml
    python3 scraper_asyncio.py scraper_pipeline.yaml http://localhost:3000
"""
import asyncio
import sys
import time
import urllib.parse

import aiohttp
import yaml

from scraper_pipeline import DONE, STAGE_ORDER, IndexParser, parse_quote, with_attempt, write_csv

RETRYABLE = (aiohttp.ClientConnectionError, asyncio.TimeoutError)


class Transient(Exception):
    """A 503 or 429: the server may answer next time."""


async def fetch_page(session, url, worker, slots, stats):
    """GET one page; retry a 503 or 429, a timeout or a dropped connection, waiting twice as long each time."""
    retries = worker.get("retries", 0)
    timeout = aiohttp.ClientTimeout(total=worker.get("timeout_ms", 5000) / 1000)
    for attempt in range(1, retries + 2):
        try:
            async with slots:  # at most `concurrency` requests of this stage in flight
                stats["requests"] += 1  # one thread: no lock needed, nothing awaits in between
                async with session.get(url if attempt == 1 else with_attempt(url, attempt), timeout=timeout) as response:
                    if response.status in (429, 503):
                        raise Transient(f"HTTP {response.status}")
                    response.raise_for_status()  # a 404 will not get better by asking again
                    return await response.text(), attempt
        except (Transient, *RETRYABLE) as error:
            if attempt > retries:
                raise
            stats["retries"] += 1
        await asyncio.sleep(worker.get("backoff_ms", 100) / 1000 * 2 ** (attempt - 1))


# #region worker
async def worker_task(name, worker, queues, slots, start_pages, session, stats, rows):
    """One instance of a stage: the coroutine version of the Worker thread."""
    inbox = queues.get(worker.get("input_queue"))
    outputs = [queues[queue_name] for queue_name in worker.get("output_queues", [])]

    async def put(item):
        for output in outputs:
            await output.put(item)  # waits while a bounded queue is full

    def fail(label, error):
        stats["failures"].append({"item": label, "worker": name, "reason": str(error) or type(error).__name__})

    if worker["kind"] == "list_page":
        while start_pages:
            url = start_pages.pop(0)  # safe: no other task runs between the test and the pop
            try:
                html, _ = await fetch_page(session, url, worker, slots, stats)
            except (Transient, aiohttp.ClientError, asyncio.TimeoutError) as error:
                fail(url, error)
                continue
            parser = IndexParser(url)
            parser.feed(html)
            for job in parser.jobs:
                await put(job)
        return
    while True:
        item = await inbox.get()
        if item == DONE:
            return
        if worker["kind"] == "sink":
            rows.append(item)
            continue
        try:
            html, attempts = await fetch_page(session, item["url"], worker, slots, stats)
            price, change = parse_quote(html)
        except (Transient, aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            fail(item["symbol"], error)
            continue
        row = {key: item[key] for key in ("symbol", "name", "sector")}
        await put({**row, "price": price, "change": change, "attempts": attempts, "worker": name})
# #endregion


async def run_pipeline(config, base_url):
    queues = {q["name"]: asyncio.Queue(maxsize=q.get("maxsize", 0)) for q in config["queues"]}
    stats, rows = {"requests": 0, "retries": 0, "failures": []}, []
    writers = {name: sum(name in w.get("output_queues", []) for w in config["workers"]) for name in queues}

    async with aiohttp.ClientSession(headers={"User-Agent": "ConcurrencyLabScraper/1.0 (teaching example)"}) as session:

        async def stage(worker):
            slots = asyncio.Semaphore(worker.get("concurrency", worker["instances"]))
            start_pages = [urllib.parse.urljoin(base_url, value) for value in worker.get("input_values", [])]
            names = [f"{worker['name']}-{i + 1}" if worker["instances"] > 1 else worker["name"] for i in range(worker["instances"])]
            await asyncio.gather(*(worker_task(name, worker, queues, slots, start_pages, session, stats, rows) for name in names))
            # Every task of this stage has returned: one DONE per reader downstream, once all writers are done.
            for queue_name in worker.get("output_queues", []):
                writers[queue_name] -= 1
                if writers[queue_name] == 0:
                    readers = next(w["instances"] for w in config["workers"] if w.get("input_queue") == queue_name)
                    for _ in range(readers):
                        await queues[queue_name].put(DONE)

        await asyncio.gather(*(stage(worker) for worker in sorted(config["workers"], key=lambda w: STAGE_ORDER.index(w["kind"]))))
    return rows, stats


def main():
    config_path = sys.argv[1] if len(sys.argv) > 1 else "scraper_pipeline.yaml"
    base_url = sys.argv[2] if len(sys.argv) > 2 else "http://localhost:3000"
    with open(config_path, encoding="utf-8") as file:
        config = yaml.safe_load(file)
    started = time.perf_counter()
    rows, stats = asyncio.run(run_pipeline(config, base_url))
    elapsed = time.perf_counter() - started
    write_csv(rows)
    print(f"Scraped {len(rows)} companies in {elapsed:.1f} s: {stats['requests']} requests, {stats['retries']} retries, {len(stats['failures'])} failed.")
    for failure in stats["failures"]:
        print(f"  failed: {failure['item']} ({failure['reason']})")


if __name__ == "__main__":
    main()
