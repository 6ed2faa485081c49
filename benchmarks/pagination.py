#!/usr/bin/env python3
"""Iterating a list over pages: the generated client's loop beside a hand-written httpx loop,
and whether memory stays flat across pages.

The client is generated from tests/fixtures/pagination/openapi.yaml; tests/pageserver.py
serves 10,000 items in pages of 100 (a cursor in the body) from its own process. Each loop
walks all 100 pages; the runs alternate, and the median of each is reported. The hand-written
loops are httpx alone (the items as dicts), and httpx with the items validated by pydantic
into the same model (what the generated client gives). Wall time includes the server's; the
client process's CPU time is reported beside it, being steadier on a shared machine. Memory: tracemalloc's current size at
each page boundary of a walk over 1,000 pages of 10 (after a collection), in a fresh
interpreter. It rises over the first hundred or so pages while bounded caches fill (urlsplit
keeps 128 URLs, and each page's differs by its cursor), then stays flat.

Goal (issue 28): at most 1.2x the time of the hand-written loop, and flat memory.

    .venv/bin/python benchmarks/pagination.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tests" / "fixtures" / "pagination" / "openapi.yaml"
ITEMS, SIZE = 10_000, 100
MEMORY_SIZE = 10  # 1,000 pages

_SERVER = f"""
import sys
from tests.pageserver import PageServer
server = PageServer({ITEMS})
print(server.port, flush=True)
sys.stdin.read()
"""

_TIMED = """
import json, sys, time
import httpx
sys.path.insert(0, {out!r})
from pager import PagerClient
from pager.models import Item
import pydantic

port, size = {port}, {size}
url = f"http://127.0.0.1:{{port}}/cursor/items"
items = pydantic.TypeAdapter(list[Item])


def generated():
    with PagerClient(port=str(port)) as client:
        return sum(1 for _ in client.items.list_by_body_cursor(limit=size))


def by_hand(validate):
    count, cursor = 0, None
    with httpx.Client() as http:
        while True:
            params = {{"limit": size}}
            if cursor:
                params["cursor"] = cursor
            response = http.get(url, params=params)
            response.raise_for_status()
            body = response.json()
            page = items.validate_python(body["items"]) if validate else body["items"]
            count += sum(1 for _ in page)
            cursor = body.get("next_cursor")
            if not cursor:
                return count


loops = {{"generated": generated, "httpx": lambda: by_hand(False),
          "httpx+pydantic": lambda: by_hand(True)}}
for loop in loops.values():
    loop()  # warm: imports, connections, pydantic's schemas
times = {{name: [] for name in loops}}
cpu = {{name: [] for name in loops}}
for _ in range({runs}):
    for name, loop in loops.items():
        started, used = time.perf_counter(), time.process_time()
        assert loop() == {items_count}
        times[name].append(time.perf_counter() - started)
        cpu[name].append(time.process_time() - used)
print(json.dumps([times, cpu]))
"""

_MEMORY = """
import gc, json, sys, tracemalloc
sys.path.insert(0, {out!r})
from pager import PagerClient

with PagerClient(port=str({port})) as client:
    first = client.items.list_by_body_cursor(limit={memory_size})
    tracemalloc.start()
    sizes, count = [], 0
    for page in first.iter_pages():
        count += len(page.items)
        gc.collect()  # what is still held, not garbage the collector has yet to reach
        sizes.append(tracemalloc.get_traced_memory()[0])
    assert count == {items_count}
print(json.dumps(sizes))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "specs" / "pager").mkdir(parents=True)
        shutil.copy(SPEC, root / "specs" / "pager" / "openapi.yaml")
        subprocess.run(
            [sys.executable, "-m", "generator", "generate", "--specs", str(root / "specs"),
             "--out", str(root / "out")],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        server = subprocess.Popen(
            [sys.executable, "-c", _SERVER], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline())
            values = {
                "out": str(root / "out"),
                "port": port,
                "size": SIZE,
                "memory_size": MEMORY_SIZE,
                "items_count": ITEMS,
            }
            timed = subprocess.run(
                [sys.executable, "-c", _TIMED.format(runs=runs, **values)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            memory = subprocess.run(
                [sys.executable, "-c", _MEMORY.format(**values)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
        finally:
            assert server.stdin is not None
            server.stdin.close()
            server.wait()
    wall, cpu = json.loads(timed.stdout)
    times = {name: statistics.median(t) for name, t in wall.items()}
    used = {name: statistics.median(t) for name, t in cpu.items()}
    sizes = json.loads(memory.stdout)
    print(f"{ITEMS} items over {ITEMS // SIZE} pages, median of {runs} runs each:")
    for name, seconds in times.items():
        print(
            f"  {name:15} {seconds * 1000:8.1f} ms  {seconds / times['httpx']:.2f}x of httpx;"
            f"  the client's CPU {used[name] * 1000:7.1f} ms  {used[name] / used['httpx']:.2f}x"
        )
    print(f"  generated / httpx+pydantic: {times['generated'] / times['httpx+pydantic']:.2f}x")
    marks = (1, 10, 100, 200, 500, 1000)
    print(
        "memory held while walking 1,000 pages (tracemalloc, KiB) at pages "
        + ", ".join(str(m) for m in marks)
        + ": "
        + ", ".join(f"{sizes[m - 1] / 1024:.0f}" for m in marks)
    )
    ratio = times["generated"] / times["httpx"]
    # After the stdlib's bounded caches fill: a page kept would add its 10 items' objects.
    flat = max(sizes[199:]) - sizes[199] < 64 * 1024
    print(f"goal 1.2x of httpx: {'met' if ratio <= 1.2 else 'not met'} ({ratio:.2f}x); "
          f"memory {'flat' if flat else 'growing'} from page 200 to 1000")  # fmt: skip
    return 0 if ratio <= 1.2 and flat else 1


if __name__ == "__main__":
    sys.exit(main())
