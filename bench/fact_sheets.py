"""Measure fact sheet PDFs: the cold render (first request after publishing, or after the hotline
changed) and the warm request served from storage.

Builds a throw-away SQLite database (or uses DATABASE_URL), loads the demo content, then for each
live message with a fact sheet: deletes its stored sheet, times the first request (one render),
then times --repeat more requests (served from storage). Prints a Markdown table for
bench/results.md. Not part of the test suite.

    .venv/bin/python bench/fact_sheets.py [--repeat 20]
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
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="taskforce-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("DEMO_PASSWORD", "bench-password")
    os.environ.setdefault("MEDIA_ROOT", f"{tmp}/media")

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    from home.models import StoredPdf
    from messaging import factsheets

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    client = Client()
    print("| page | language | cold ms (render + store) | warm median ms | PDF KB | pages stored |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for page in Page.objects.live().public().specific().order_by("pk"):
        if not factsheets.offers_fact_sheet(page):
            continue
        StoredPdf.objects.all().delete()
        language = page.locale.language_code
        with translation.override(language):
            url = reverse("fact_sheet", args=[page.pk])
        started = time.perf_counter()
        response = client.get(url)
        size = len(b"".join(response.streaming_content))
        cold = (time.perf_counter() - started) * 1000
        warm = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            b"".join(response.streaming_content)
            warm.append((time.perf_counter() - started) * 1000)
        print(
            f"| {page.slug} | {language} | {cold:.0f} | {statistics.median(warm):.1f} "
            f"| {size / 1024:.0f} | {StoredPdf.objects.count()} |"
        )


if __name__ == "__main__":
    main()
