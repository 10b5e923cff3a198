"""A scraper pipeline configured by YAML: list worker -> quote workers -> sink, on threads and queues.

Standard library plus PyYAML. Start the site (npm run dev), then run:
    python3 scraper_pipeline.py scraper_pipeline.yaml http://localhost:3000
"""
import csv
import queue
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from html.parser import HTMLParser

import yaml

DONE = "DONE"  # the sentinel: "nothing more is coming", one per reader thread
USER_AGENT = "ConcurrencyLabScraper/1.0 (teaching example)"
STAGE_ORDER = ["list_page", "quote_page", "sink"]  # how data flows: jobs, then rows


# #region parse
class IndexParser(HTMLParser):
    """Collects one job per row of <table id="companies">: symbol, name, sector and quote URL."""

    def __init__(self, page_url):
        super().__init__()
        self.page_url = page_url
        self.jobs, self.cells, self.href = [], None, None
        self.in_table = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == "companies":
            self.in_table = True
        elif self.in_table and tag == "tr":
            self.cells, self.href = [], None
        elif self.in_table and tag == "td" and self.cells is not None:
            self.cells.append("")
        elif self.in_table and tag == "a" and self.href is None:
            self.href = attrs.get("href")

    def handle_data(self, data):
        if self.cells:
            self.cells[-1] += data

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_table = False
        elif tag == "tr" and self.cells and len(self.cells) >= 3 and self.href:
            symbol, name, sector = (cell.strip() for cell in self.cells[:3])
            url = urllib.parse.urljoin(self.page_url, self.href)
            self.jobs.append({"symbol": symbol, "name": name, "sector": sector, "url": url})
            self.cells = None


class QuoteParser(HTMLParser):
    """Reads the text of the elements with id="price" and id="change"."""

    def __init__(self):
        super().__init__()
        self.values, self.current = {}, None

    def handle_starttag(self, tag, attrs):
        element_id = dict(attrs).get("id")
        if element_id in ("price", "change"):
            self.current = element_id
            self.values[element_id] = ""

    def handle_data(self, data):
        if self.current:
            self.values[self.current] += data

    def handle_endtag(self, tag):
        self.current = None


def parse_number(text):
    """'1,234.56' -> 1234.56; '−1.20%' -> -1.2"""
    cleaned = text.strip().replace(",", "").replace("%", "").replace("$", "").replace("\u2212", "-")
    return float(cleaned)


def parse_quote(html):
    parser = QuoteParser()
    parser.feed(html)
    if "price" not in parser.values:
        raise ValueError("no price on the page")
    return parse_number(parser.values["price"]), parse_number(parser.values.get("change", "0"))
# #endregion


# #region threads
class Stats:
    """Counters shared by every thread: `+=` is not atomic, so a lock guards them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.retries = 0
        self.requests = 0
        self.failures = []

    def add(self, retries=0, requests=0, failure=None):
        with self.lock:
            self.retries += retries
            self.requests += requests
            if failure:
                self.failures.append(failure)


# #region fetch
def with_attempt(url, attempt):
    """The sample site decides its 503s by page and attempt number, so runs are repeatable."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query) + [("attempt", str(attempt))]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def fetch_page(url, worker, slots, stats):
    """GET one page; retry a 503 or 429, a timeout or a network error, waiting twice as long each time."""
    retries = worker.get("retries", 0)
    for attempt in range(1, retries + 2):
        request = urllib.request.Request(url if attempt == 1 else with_attempt(url, attempt), headers={"User-Agent": USER_AGENT})
        try:
            with slots:  # at most `concurrency` requests of this stage in flight
                stats.add(requests=1)
                with urllib.request.urlopen(request, timeout=worker.get("timeout_ms", 5000) / 1000) as response:
                    return response.read().decode("utf-8"), attempt
        except urllib.error.HTTPError as error:
            if error.code != 429 and error.code < 500:
                raise  # a 404 will not get better by asking again
            problem = error
        except (urllib.error.URLError, TimeoutError) as error:
            problem = error
        if attempt > retries:
            raise problem
        stats.add(retries=1)
        time.sleep(worker.get("backoff_ms", 100) / 1000 * 2 ** (attempt - 1))
# #endregion


# #region workers
class Worker(threading.Thread):
    """One instance of a stage. Reads its input queue until DONE, puts what it makes on its output queues."""

    def __init__(self, name, worker, queues, slots, start_pages, stats, rows, robots):
        super().__init__(name=name)
        self.worker, self.slots, self.start_pages = worker, slots, start_pages
        self.stats, self.rows, self.robots = stats, rows, robots
        self.input = queues.get(worker.get("input_queue"))
        self.outputs = [queues[name] for name in worker.get("output_queues", [])]

    def run(self):
        if self.worker["kind"] == "list_page":
            self.read_start_pages()
        else:
            self.read_input_queue()

    def read_start_pages(self):
        # List threads share the start pages: each takes the next until none are left.
        while True:
            try:
                url = self.start_pages.get_nowait()
            except queue.Empty:
                return
            fetched = self.fetch(url, label=url)
            if fetched:
                parser = IndexParser(url)
                parser.feed(fetched[0])
                for job in parser.jobs:
                    self.put(job)

    def read_input_queue(self):
        while True:
            item = self.input.get()
            if item == DONE:
                return
            if self.worker["kind"] == "sink":
                self.rows.append(item)  # only sink threads append; list.append is atomic in CPython
                continue
            fetched = self.fetch(item["url"], label=item["symbol"])
            if not fetched:
                continue
            html, attempts = fetched
            try:
                price, change = parse_quote(html)
            except ValueError as error:
                self.fail(item["symbol"], error)
                continue
            row = {key: item[key] for key in ("symbol", "name", "sector")}
            self.put({**row, "price": price, "change": change, "attempts": attempts, "worker": self.name})

    def put(self, item):
        for output in self.outputs:
            output.put(item)  # blocks while a bounded queue is full: backpressure

    def fetch(self, url, label):
        """The page's HTML and the attempts it took, or None once it has failed for good."""
        if not self.robots.can_fetch(USER_AGENT, url):
            self.fail(label, "disallowed by robots.txt")
            return None
        try:
            return fetch_page(url, self.worker, self.slots, self.stats)
        except (urllib.error.URLError, TimeoutError) as error:
            self.fail(label, error)
            return None

    def fail(self, label, reason):
        self.stats.add(failure={"item": label, "worker": self.name, "reason": str(reason)})
# #endregion


# #region pipeline
def run_pipeline(config, base_url):
    robots = urllib.robotparser.RobotFileParser(urllib.parse.urljoin(base_url, "/robots.txt"))
    robots.read()  # no robots.txt (404) allows everything
    queues = {q["name"]: queue.Queue(maxsize=q.get("maxsize", 0)) for q in config["queues"]}
    stats, rows = Stats(), []

    stages = []
    for worker in sorted(config["workers"], key=lambda w: STAGE_ORDER.index(w["kind"])):
        slots = threading.Semaphore(worker.get("concurrency", worker["instances"]))
        start_pages = queue.Queue()
        for value in worker.get("input_values", []):
            start_pages.put(urllib.parse.urljoin(base_url, value))
        threads = [
            Worker(f"{worker['name']}-{i + 1}" if worker["instances"] > 1 else worker["name"], worker, queues, slots, start_pages, stats, rows, robots)
            for i in range(worker["instances"])
        ]
        for thread in threads:
            thread.start()
        stages.append((worker, threads))

    # Upstream first: once every thread of a stage has finished, and every other stage writing to
    # the same queue too, each reader thread downstream gets one DONE.
    writers = {name: sum(name in w.get("output_queues", []) for w in config["workers"]) for name in queues}
    for worker, threads in stages:
        for thread in threads:
            thread.join()
        for name in worker.get("output_queues", []):
            writers[name] -= 1
            if writers[name] == 0:
                readers = next(w["instances"] for w in config["workers"] if w.get("input_queue") == name)
                for _ in range(readers):
                    queues[name].put(DONE)
    return rows, stats
# #endregion
# #endregion


def write_csv(rows, path="quotes.csv"):
    """The rows, sorted by symbol, as the demo's "Download CSV" writes them."""
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=["symbol", "name", "sector", "price", "change"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda row: row["symbol"]))


def main():
    config_path = sys.argv[1] if len(sys.argv) > 1 else "scraper_pipeline.yaml"
    base_url = sys.argv[2] if len(sys.argv) > 2 else "http://localhost:3000"
    with open(config_path, encoding="utf-8") as file:
        config = yaml.safe_load(file)  # plain data only: never yaml.load on a file you did not write

    started = time.perf_counter()
    rows, stats = run_pipeline(config, base_url)
    elapsed = time.perf_counter() - started

    write_csv(rows)
    print(f"Scraped {len(rows)} companies in {elapsed:.1f} s: {stats.requests} requests, {stats.retries} retries, {len(stats.failures)} failed.")
    for failure in stats.failures:
        print(f"  failed: {failure['item']} ({failure['reason']})")


if __name__ == "__main__":
    main()
