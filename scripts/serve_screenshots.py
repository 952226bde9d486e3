"""Screenshots of ``dateline serve`` for the docs: reader, events table, map, timeline.

Uses the browser tests' setup (``dateline.serve.browser``: Playwright driving Debian's
``/usr/bin/chromium``). The store is the one ``make run`` builds (``dateline.db``, the
bundled samples); pass another with ``--db``.

    .venv/bin/python scripts/serve_screenshots.py [--db dateline.db] [--out docs/img]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = "seed-palmyra-2016"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=REPO / "dateline.db")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    parser.add_argument("--dark", action="store_true", help="also take dark-mode shots")
    args = parser.parse_args()
    if not args.db.is_file():
        sys.exit(
            f"serve_screenshots: {args.db} missing: run `make run` (or dateline ingest sample: --db FILE)"
        )
    from playwright.sync_api import expect, sync_playwright

    from dateline.serve.app import create_app
    from dateline.serve.browser import ServerThread, launch_args

    args.out.mkdir(parents=True, exist_ok=True)
    app = create_app(args.db, hosts=["127.0.0.1"])
    schemes = ["light", "dark"] if args.dark else ["light"]
    with ServerThread(app) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_args())
        for scheme in schemes:
            suffix = "" if scheme == "light" else "-dark"
            page = browser.new_page(viewport={"width": 1400, "height": 900}, color_scheme=scheme)
            page.goto(f"{server.url}/article/{SEED}?rec=quote-q2")
            page.locator("#r-quote-q2").click()
            page.screenshot(path=args.out / f"reader{suffix}.png")
            page.goto(f"{server.url}/events?country=SY")
            page.screenshot(path=args.out / f"events{suffix}.png")
            page.goto(f"{server.url}/map")
            expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
            page.wait_for_timeout(400)
            page.screenshot(path=args.out / f"map{suffix}.png")
            page.goto(f"{server.url}/timeline?since=2024")
            page.screenshot(path=args.out / f"timeline{suffix}.png")
            page.close()
        browser.close()
    for name in sorted(args.out.glob("*.png")):
        print(f"wrote {name.relative_to(REPO) if name.is_relative_to(REPO) else name}")


if __name__ == "__main__":
    main()
