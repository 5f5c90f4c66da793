"""Measure how public pages scale with content: render time and query count.

Builds a throw-away SQLite database (or uses DATABASE_URL), loads the demo content, then adds
pages in steps and renders the key public pages through Django's test client, printing the median
time and the number of queries per page. Not part of the test suite (timings vary by machine);
the query counts are also asserted by tests/home/test_query_budget.py.

    .venv/bin/python bench/page_render.py [--steps 0 50 500] [--repeat 15]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[0, 50, 500])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="taskforce-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("DEMO_PASSWORD", "bench-password")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from home.models import HomePage, StandardPage

    call_command("migrate", verbosity=0)
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    client = Client()
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    urls = ["/en/", "/es/", "/en/about/", "/en/search/?q=help", "/en/message/"]
    added = 0
    print(f"{'pages added':>11}  {'url':<22} {'median ms':>9} {'queries':>7}")
    for step in args.steps:
        while added < step:
            page = StandardPage(title=f"Bench page {added}", slug=f"bench-{added}", show_in_menus=False)
            home.add_child(instance=page)
            page.save_revision().publish()
            added += 1
        for url in urls:
            client.get(url)  # warm caches
            timings = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            print(f"{added:>11}  {url:<22} {statistics.median(timings):>9.1f} {len(queries):>7}")


if __name__ == "__main__":
    main()
