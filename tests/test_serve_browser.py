"""``dateline serve`` in a real browser: Playwright for Python driving Debian's Chromium.

CI installs ``/usr/bin/chromium`` (``.ci/run``) and these tests run there; on a machine
without it they skip, except under ``CI`` where a missing browser is a failure. Every
page a test opens is watched: a request to anything but this server, a console error
(a CSP violation is one) or a dialog fails the test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from conftest import HOSTILE_ID
from dateline.serve.browser import CHROMIUM, ServerThread, launch_args

pytestmark = pytest.mark.model
SEED = "seed-palmyra-2016"


def _need_browser() -> None:
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "playwright is not installed (make installs it with the dev extra)"
    if problem is None and not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install -y chromium; .ci/run does it)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {problem}")
        pytest.skip(problem)


@pytest.fixture(scope="module")
def server(serve_store: Path) -> Iterator[ServerThread]:
    from dateline.serve.app import create_app

    with ServerThread(create_app(serve_store, hosts=["127.0.0.1"])) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(**launch_args())
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it should not: outside requests, console errors, dialogs."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    def route(self, route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        self.requests.append(url)
        if url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def console(self, message) -> None:  # type: ignore[no-untyped-def]
        if message.type == "error":
            self.errors.append(message.text)

    def dialog(self, dialog) -> None:  # type: ignore[no-untyped-def]
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watched(browser, server: ServerThread) -> Iterator[tuple[object, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(server.url)
    page.route("**/*", watch.route)
    page.on("console", watch.console)
    page.on("dialog", watch.dialog)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    yield page, watch
    context.close()
    assert watch.outside == [], f"requests left the server: {watch.outside}"
    assert watch.errors == [], f"console errors: {watch.errors}"
    assert watch.dialogs == [], f"dialogs opened: {watch.dialogs}"


def test_clicking_a_quote_shows_its_chain_and_jumps(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, _ = watched
    page.goto(f"{server.url}/article/{SEED}")
    panel = page.locator("#d-quote-q3")  # the seed's chain quote (quoted by Russian media)
    expect(panel).to_be_hidden()
    page.locator("#r-quote-q3").click()
    expect(panel).to_be_visible()
    expect(panel.locator(".chain")).to_contain_text("reported by")
    expect(panel.locator(".chain")).to_contain_text("Russian media")
    expect(page).to_have_url(re.compile(r"\?rec=quote-q3"))
    panel.locator('a[data-jump="r-speaker-q3"]').click()
    expect(page).to_have_url(re.compile(r"#r-speaker-q3$"))
    expect(page.locator("#r-speaker-q3")).to_be_focused()
    panel.locator('a[data-jump="r-reporter-q3-0"]').click()
    expect(page.locator("#r-reporter-q3-0")).to_be_focused()
    # a click on the highlighted words (not the marker) opens the narrowest record there
    page.locator('#text .seg[data-recs^="quote-q6"]').first.click()
    expect(page.locator("#d-quote-q6")).to_be_visible()
    expect(panel).to_be_hidden()


def test_filtering_by_type_puts_the_filter_in_the_url(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, _ = watched
    page.goto(f"{server.url}/events")
    page.select_option("#facet-type", "PROTEST")
    expect(page).to_have_url(re.compile(r"/events\?type=PROTEST$"))
    types = page.locator("table.events tbody tr td:nth-child(2) a").all_inner_texts()
    assert types and set(types) == {"PROTEST"}
    # the permalink carries over to the other views
    page.get_by_role("link", name="Map", exact=True).click()
    expect(page).to_have_url(re.compile(r"/map\?type=PROTEST$"))


def test_map_draws_markers_with_text_only_popups(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, _ = watched
    page.goto(f"{server.url}/map")
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(page.locator("#map")).to_have_attribute("data-events", re.compile(r"^[1-9]\d*$"))
    expect(page.locator("path.leaflet-interactive, svg path").first).to_be_attached()  # country outlines
    page.goto(f"{server.url}/map?q=Lyon")
    expect(page.locator("#map")).to_have_attribute("data-ready", "1")  # zoomed to the data
    event_pin = page.locator(".leaflet-marker-icon:has(.pin-event)")
    expect(event_pin).to_have_count(1)
    event_pin.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Read it in <b>Lyon</b> march")
    expect(popup).to_contain_text("Protesters marched through Lyon on Tuesday.")  # fetched on opening
    expect(popup.locator("b")).to_have_count(0)
    popup.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/article/{HOSTILE_ID}\?rec=event-"))


def test_layers_toggle(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, _ = watched
    page.goto(f"{server.url}/article/{SEED}")
    marker = page.locator("#text a.mk.l-places").first
    segment = page.locator("#text .seg.l-events").first
    expect(marker).to_be_visible()
    expect(segment).not_to_have_css("background-color", "rgba(0, 0, 0, 0)")
    page.uncheck("#layer-places")
    page.uncheck("#layer-events")
    expect(marker).to_be_hidden()
    expect(segment).to_have_css("background-color", "rgba(0, 0, 0, 0)")
    expect(page.locator("#text a.mk.l-quotes").first).to_be_visible()
    page.check("#layer-places")
    expect(marker).to_be_visible()


def test_an_article_with_script_runs_nothing(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, _ = watched
    page.goto(f"{server.url}/article/{HOSTILE_ID}")
    text = page.locator("#text")
    expect(text).to_contain_text("<script>document.title = 'pwned';</script>")
    expect(text).to_contain_text('<img src="x" onerror=')
    expect(text.locator("script, img")).to_have_count(0)
    expect(page.locator("h1")).to_have_text("<b>Lyon</b> march")
    page.wait_for_timeout(300)
    expect(page).to_have_title("<b>Lyon</b> march · dateline")


def test_no_request_leaves_the_server(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, watch = watched
    for path in (
        f"/article/{SEED}",
        "/events?type=ASSAULT",
        "/timeline",
        "/triage?kind=vague",
        "/incidents",
        "/",
    ):
        page.goto(server.url + path)
    page.goto(f"{server.url}/map")
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    assert any(u.endswith("/map/data.json") for u in watch.requests)
    assert any("/vendor/leaflet/leaflet.js" in u for u in watch.requests)
    # the fixture's teardown asserts that none of them went anywhere else


def test_keyboard(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, _ = watched
    page.goto(f"{server.url}/article/{SEED}")
    page.keyboard.press("j")
    first = page.locator("#text a.mk").first
    expect(first).to_be_focused()
    key = first.get_attribute("data-rec")
    expect(page.locator(f"#d-{key}")).to_be_visible()
    page.keyboard.press("j")
    expect(page.locator("#text a.mk").nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(first).to_be_focused()
    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#help")).to_be_hidden()
    older = page.locator('a[rel="next"]').get_attribute("href")
    page.keyboard.press("n")
    expect(page).to_have_url(re.compile(re.escape(older) + "$"))
    page.wait_for_load_state()
    page.keyboard.press("p")
    expect(page).to_have_url(re.compile(rf"/article/{SEED}$"))
    page.goto(f"{server.url}/events")
    page.keyboard.press("/")
    expect(page.locator("#search")).to_be_focused()
    page.keyboard.type("Palmyra")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/events\?q=Palmyra$"))  # the permalink, empty fields dropped
    page.wait_for_load_state()
    page.keyboard.press("j")
    expect(page.locator("[data-nav]").first).to_be_focused()


def test_timeline_range_filters_the_other_views(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, _ = watched
    page.goto(f"{server.url}/timeline?by=year")
    bars = page.locator("#timeline a.bar")
    expect(bars.first).to_be_visible()
    since = bars.first.get_attribute("data-since")
    bars.first.click()
    expect(page).to_have_url(re.compile(rf"/timeline\?by=year&since={since}&until={since}$|since={since}"))
    page.get_by_role("link", name="Events", exact=True).click()
    expect(page).to_have_url(re.compile(rf"since={since}"))
    dates = page.locator("table.events tbody tr td:first-child").all_inner_texts()
    assert dates and all(d.startswith(since) for d in dates)


def test_dark_scheme_and_visible_focus(browser, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(color_scheme="dark")
    page.goto(f"{server.url}/events")
    expect(page.locator("body")).to_have_css("background-color", "rgb(20, 20, 20)")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus-visible")).to_have_css("outline-style", "solid")
    page.close()


def test_dragging_across_bars_selects_a_range(watched, server: ServerThread) -> None:
    from playwright.sync_api import expect

    page, _ = watched
    page.goto(f"{server.url}/timeline?since=2024&by=month")
    bars = page.locator("#timeline a.bar")
    expect(bars.nth(2)).to_be_visible()
    since, until = bars.nth(0).get_attribute("data-since"), bars.nth(2).get_attribute("data-until")
    start, end = bars.nth(0).bounding_box(), bars.nth(2).bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] - 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] - 2, steps=6)
    expect(page.locator("#timeline a.bar.selected")).to_have_count(3)
    page.mouse.up()
    expect(page.locator(".summary")).to_contain_text(f"Range: {since} to {until}")
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert query == {"since": since, "until": until, "by": "month"}
