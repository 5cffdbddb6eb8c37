"""The dashboard in a real headless Chromium (Debian's, driven by Playwright; never downloaded).

Loads the map over the sample ledger, filters by weapon, opens an event and
finds a quote with its figure highlighted, saving screenshots on the way
(their paths are printed; run with -s to see them).  Then ingests a report
full of markup and checks every page shows it as text, with nothing run.
Skips cleanly when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
playwright_api = pytest.importorskip("playwright.sync_api")

from skyledger.api import create_app  # noqa: E402
from skyledger.api.testing import LiveServer, copy_ledger, sample_ledger  # noqa: E402

CHROMIUM = os.environ.get("SKYLEDGER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TOKEN = "browser-test-token"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"

pytestmark = pytest.mark.skipif(not (Path(CHROMIUM).is_file() and shutil.which(CHROMIUM)),
                                reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return sample_ledger(tmp_path_factory.getbasetemp() / "api_sample.db")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.problems = []  # console errors, page errors and dialogs: none is expected
    page.on("pageerror", lambda exc: page.problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(f"console: {msg.text}"))

    def on_dialog(dialog):
        page.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def test_web_map_filter_open_event_and_see_the_quote(sample_db, page):
    with LiveServer(create_app(sample_db)) as url:
        page.goto(url + "/")
        page.wait_for_selector("#map[data-loaded=true]")
        assert page.locator("#map .unit").count() > 50  # admin-1 basemap drawn
        all_markers = page.locator("#map .marker").count()
        assert all_markers > 20
        assert page.locator("#map .marker.side-RU").count() and page.locator("#map .marker.side-UA").count()
        assert shot(page, "map.png").stat().st_size > 10_000

        page.select_option("#weapon", "missile")
        page.wait_for_url("**weapon=missile**")
        page.wait_for_selector("#map[data-loaded=true]")
        weapons = page.locator("#event-list td.weapons").all_text_contents()
        assert weapons and all("missile" in w for w in weapons)
        assert 0 < page.locator("#map .marker").count() < all_markers

        page.locator("#map a.event-link").last.click()  # the last drawn circle is on top
        page.wait_for_url("**/events/**")
        mark = page.locator("#quotes mark.figure").first
        mark.wait_for()
        figure = mark.text_content()
        assert figure and any(ch.isalnum() for ch in figure)
        quote = page.locator("#quotes blockquote.quote").first.text_content()
        assert figure in quote and len(quote) > len(figure)
        assert page.locator("#figures tbody tr").count() >= 1
        shot(page, "event.png")

        page.goto(url + "/timeline?weapon=drone&since=2024-01-01")
        page.wait_for_selector("#timeline[data-loaded=true]")
        assert page.locator("#timeline rect.bar").count() > 10
        shot(page, "timeline.png")
        page.goto(url + "/timeline")  # no dates asked: opens on the last 90 days of the ledger
        page.wait_for_selector("#timeline[data-loaded=true]")
        assert page.input_value("#since") and "since=" in page.url

        page.goto(url + "/claims?weapon=drone&action=intercepted")
        assert page.locator("#claims tbody tr").count() > 5
        assert page.locator("#claims mark.figure").count() == page.locator("#claims tbody tr").count()
        assert page.get_attribute("#download-csv", "href") == "/api/claims.csv?weapon=drone&action=intercepted"
        assert page.problems == []


def test_web_hostile_report_is_inert_on_every_page(sample_db, page, tmp_path):
    db = copy_ledger(sample_db, tmp_path / "ledger.db")
    evil = {"text": f"Russian air defences destroyed 23 Ukrainian drones {SCRIPT} overnight over the Bryansk region "
                    f"{IMG}, the Defence Ministry said.",
            "title": f"Night raid {SCRIPT}{IMG}", "url": "javascript:alert(3)", "outlet": f"Outlet {IMG}",
            "published": "2026-03-01", "lang": "en"}
    with LiveServer(create_app(db, token=TOKEN)) as url:
        response = page.request.post(url + "/api/ingest", data={"documents": [evil]},
                                     headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.ok and response.json()["data"]["new"] == 1
        claim = page.request.get(url + "/api/claims?since=2026-03-01").json()["data"][0]
        event = page.request.get(url + "/api/events?since=2026-03-01").json()["data"][0]
        pages = ["/", "/?weapon=drone", "/timeline", "/claims", "/claims?q=raid", "/claims?text=script",
                 f"/events/{event['event_id']}", f"/documents/{claim['doc_id']}"]
        for path in pages:
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            assert page.locator("img").count() == 0, path  # the <img onerror> never became an element
            sources = [s.get_attribute("src") for s in page.locator("script").all()]
            assert all(s and s.startswith("/static/js/") for s in sources), (path, sources)
            assert page.locator("a[href^='javascript']").count() == 0, path
        page.goto(url + f"/events/{event['event_id']}")
        assert SCRIPT in page.locator("#quotes blockquote.quote").first.text_content()  # shown as text
        assert page.locator("#quotes mark.figure").first.text_content() == "23 Ukrainian drones"
        shot(page, "hostile-event.png")
        assert page.problems == []
