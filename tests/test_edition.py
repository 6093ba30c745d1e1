"""The HTML edition is one self-contained page: it asks for nothing from elsewhere, its charts and
images are described, every number opens its evidence on the page, and it reads on a phone.

The browser tests drive Debian's headless Chromium through chromedriver (Selenium). On a machine
without them they are skipped, and `make test` says so; in CI (CI=true) they must run.
"""

import json
import os
import re
import shutil
import tempfile

import pytest

from belarus2020.publish import article, derived, evidence
from belarus2020.data import paths

PAGE = derived.edition_path()
HTML = PAGE.read_text(encoding="utf-8")
INSTALL = "apt-get install chromium chromium-driver"
SKIP_REASON = f"Chromium or chromedriver not found: the browser tests of the HTML edition did not run ({INSTALL})"


def test_the_page_asks_for_nothing_from_elsewhere():
    assert "<script" not in HTML and "@import" not in HTML
    assert re.findall(r'\ssrc="([^"]*)"', HTML) == [] or all(
        s.startswith("data:") for s in re.findall(r'\ssrc="([^"]*)"', HTML))
    assert re.findall(r"<link\b[^>]*>", HTML) == ['<link rel="icon" href="data:,">']
    assert not re.search(r"url\((?!#)", HTML)
    assert not re.search(r'(?:xlink:)?href="(?!#|https?://|\.\./|data:,)', HTML)


def test_ids_are_unique_and_every_number_opens_an_evidence_section():
    ids = re.findall(r'\sid="([^"]+)"', HTML)
    assert len(ids) == len(set(ids)), [i for i in set(ids) if ids.count(i) > 1][:5]
    numbers = re.findall(r'<a class="num" id="n-([a-z0-9-]+)" href="#ev-\1">', HTML)
    assert numbers and all(f'id="ev-{n}"' in HTML for n in numbers)
    ledger = {r["entry"] for r in article.read_ledger()}
    assert set(numbers) <= ledger


def test_every_chart_is_an_inline_svg_with_its_title_and_description():
    svgs = re.findall(r"<svg\b[^>]*>", HTML)
    assert len(svgs) >= 3
    for tag in svgs:
        assert 'role="img"' in tag
        title, desc = re.search(r'aria-labelledby="([^" ]+) ([^"]+)"', tag).groups()
        assert f'<title id="{title}">' in HTML and f'<desc id="{desc}">' in HTML


# --- in a browser -----------------------------------------------------------------------------

def chromium():
    """The Chromium and chromedriver executables, or None."""
    browser = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    return (browser, driver) if browser and driver else None


def start(mobile: bool = False):
    found = chromium()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        found = None
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SKIP_REASON}; .ci/run installs them")
        pytest.skip(SKIP_REASON)
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    profile = tempfile.mkdtemp(prefix="belarus2020-chromium-")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={profile}", "--window-size=1280,900"):
        options.add_argument(argument)
    if mobile:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3}})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    driver.profile = profile
    return driver


@pytest.fixture(scope="module")
def browser():
    driver = start()
    driver.get(PAGE.resolve().as_uri())
    yield driver
    driver.quit()
    shutil.rmtree(driver.profile, ignore_errors=True)


def test_the_page_loads_without_console_errors(browser):
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert browser.title == article.assemble(
        __import__("belarus2020.publish.entries", fromlist=["x"]).read_notebook(paths.NOTEBOOKS / article.NOTEBOOK)).title


def test_every_image_has_alt_text_and_every_chart_a_name(browser):
    missing = browser.execute_script("""
        const bad = [];
        document.querySelectorAll('img').forEach(i => { if (!i.getAttribute('alt')) bad.push(i.outerHTML.slice(0, 80)); });
        document.querySelectorAll('svg').forEach(s => {
            const t = s.querySelector('title'), d = s.querySelector('desc');
            if (!t || !t.textContent.trim() || !d || !d.textContent.trim() || s.getAttribute('role') !== 'img') bad.push(s.id);
        });
        return [bad, document.querySelectorAll('svg').length];""")
    assert missing[0] == [] and missing[1] >= 3


def expected_words(entry_id: str) -> list[str]:
    """Words the evidence of an entry must show: its first row's id and, shown in full, its phrase or quote."""
    row = next(r for r in article.read_ledger() if r["entry"] == entry_id)
    records = evidence.Records.load()
    for table, column in (("figures", "figure_ids"), ("statements", "statement_ids"), ("events", "event_ids")):
        ids = [i for i in row[column].split(";") if i]
        if ids:
            record = records.get(table, ids[0])
            words = {"figures": "phrase", "statements": "speaker", "events": "event"}[table]
            return [ids[0], " ".join(record[words].split())]
    return [row["printed"]]


def test_activating_a_number_shows_its_source_words(browser):
    from selenium.webdriver.common.by import By

    for details in browser.find_elements(By.CSS_SELECTOR, "details"):  # the charts described in words
        browser.execute_script("arguments[0].open = true", details)
    numbers = browser.find_elements(By.CSS_SELECTOR, "a.num")
    assert len(numbers) > 20
    for link in numbers[::7]:
        entry = link.get_attribute("id").removeprefix("n-")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        assert browser.execute_script("return location.hash") == f"#ev-{entry}"
        target = browser.find_element(By.ID, f"ev-{entry}")
        top, bottom, height = browser.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, innerHeight];", target)
        assert target.is_displayed() and 0 <= top < height, entry
        shown = " ".join(target.text.split())
        for words in expected_words(entry):
            assert words in shown, f"{entry}: {words!r} not shown"


def test_no_request_leaves_the_page(browser):
    from selenium.webdriver.common.by import By

    for link in browser.find_elements(By.CSS_SELECTOR, "a.num")[:5]:
        link.click()
    page = PAGE.resolve().as_uri()
    requests = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent" and message["params"].get("documentURL", "").startswith(page):
            requests.append(message["params"]["request"]["url"])
    assert requests, "the performance log recorded no request for the page itself"
    assert [u for u in requests if not (u.split("#")[0] == page or u.startswith("data:"))] == []


def test_the_page_reads_on_a_phone():
    driver = start(mobile=True)
    try:
        driver.get(PAGE.resolve().as_uri())
        width, scroll, font = driver.execute_script(
            "return [innerWidth, document.documentElement.scrollWidth, "
            "parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)]")
        assert width <= 400 and scroll <= width, "the page scrolls sideways on a phone"
        assert font >= 16
        chart = driver.execute_script("return document.querySelector('figure svg').getBoundingClientRect().width")
        assert 0 < chart <= width
    finally:
        driver.quit()
        shutil.rmtree(driver.profile, ignore_errors=True)
