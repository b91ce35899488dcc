"""`foiamine serve` in a real browser (Debian's chromium, driven through
chromedriver by python3-selenium), on the corpus index: type a query, open a
hit, see the page image with the clause boxed, open the divergence, download
an exhibit, use the matrix and the back button. A screenshot of each view is
saved in ARTIFACTS. Exits 77 (skipped) when chromium, chromedriver or
selenium is missing.
Usage: serve_browser_test.py FOIAMINE CORPUS_DB ARTIFACTS"""
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_lib import SKIP, Checks, Server  # noqa: E402

foiamine, corpus_db, artifacts = sys.argv[1], sys.argv[2], sys.argv[3]
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
driver_bin = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("skipped: python3-selenium is not installed (scripts/setup.sh installs it)")
    sys.exit(SKIP)
if not chromium or not driver_bin:
    print("skipped: chromium or chromedriver is missing (scripts/setup.sh installs chromium chromium-driver)")
    sys.exit(SKIP)

os.makedirs(artifacts, exist_ok=True)
downloads = tempfile.mkdtemp(prefix="foiamine-serve-downloads-")
c = Checks()

options = webdriver.ChromeOptions()
options.binary_location = chromium
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
            "--no-first-run", "--disable-extensions"]:
    options.add_argument(arg)
options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                          "download.prompt_for_download": False})
HIGHLIGHT_JS = """
const img = arguments[0];
const c = document.createElement('canvas');
c.width = img.naturalWidth; c.height = img.naturalHeight;
const g = c.getContext('2d'); g.drawImage(img, 0, 0);
const d = g.getImageData(0, 0, c.width, c.height).data;
let n = 0;
for (let i = 0; i < d.length; i += 4) if (d[i] === 224 && d[i+1] === 0 && d[i+2] === 122) n++;
return n;
"""

with Server(foiamine, corpus_db) as s:
    driver = webdriver.Chrome(service=Service(driver_bin), options=options)
    driver.set_page_load_timeout(60)
    wait = WebDriverWait(driver, 30)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})

        def shot(name):
            path = os.path.join(artifacts, name + ".png")
            driver.save_screenshot(path)
            print("screenshot", path, flush=True)

        # 1. Search: type a query in the box, submit.
        driver.get(s.url)
        box = wait.until(EC.presence_of_element_located((By.ID, "q")))
        box.send_keys("detainer")
        box.send_keys(Keys.ENTER)
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.hit")))
        shot("1-search")
        c.check("the URL holds the query", "q=detainer" in driver.current_url, driver.current_url)
        hits = driver.find_elements(By.CSS_SELECTOR, "article.hit")
        citations = [h.find_element(By.CSS_SELECTOR, "h2.citation").text for h in hits]
        c.check("hits are shown with citations", len(hits) >= 3, len(hits))
        c.check("a hit cites D.C. Code § 24-211.07", any("24-211.07" in t for t in citations), citations)
        c.check("facets with counts are shown", len(driver.find_elements(By.CSS_SELECTOR, ".facet li .count")) >= 5)
        c.check("hits carry clause badges and divergence badges",
                driver.find_elements(By.CSS_SELECTOR, "article.hit a.badge[href^='/clause/']") and
                driver.find_elements(By.CSS_SELECTOR, "article.hit a.badge.diverge"))
        search_url = driver.current_url

        # A facet narrows the hits, and the back button returns.
        facet = driver.find_element(By.CSS_SELECTOR, ".facet[data-facet='authority'] li a")
        facet_name = facet.text
        facet.click()
        wait.until(EC.url_contains("authority="))
        c.check("a facet link filters (URL state)", "authority=" + facet_name in driver.current_url, driver.current_url)
        driver.back()
        wait.until(EC.url_to_be(search_url))
        c.check("the back button returns to the query", driver.find_element(By.ID, "q").get_attribute("value") == "detainer")

        # 2. Open the D.C. Code hit: the document viewer, page image with the clause boxed.
        link = next(h.find_element(By.CSS_SELECTOR, "h2.citation a") for h in driver.find_elements(By.CSS_SELECTOR, "article.hit")
                    if "24-211.07" in h.find_element(By.CSS_SELECTOR, "h2.citation").text)
        link.click()
        img = wait.until(EC.presence_of_element_located((By.ID, "page-image")))
        wait.until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img))
        shot("2-document")
        c.check("the viewer shows the page image", img.get_attribute("naturalWidth") not in (None, "0"))
        boxed = driver.execute_script(HIGHLIGHT_JS, img)
        c.check("the page image has the clause boxed (highlight pixels)", boxed > 100, boxed)
        c.check("the page text is beside it with clauses marked",
                len(driver.find_elements(By.CSS_SELECTOR, "pre.text mark.clause")) >= 1)
        c.check("the document identity shows its SHA-256",
                len(driver.find_element(By.CSS_SELECTOR, "code.sha").text) == 64)
        if driver.find_elements(By.ID, "next-page"):
            driver.find_element(By.ID, "next-page").click()
            wait.until(EC.url_matches(r"/doc/[0-9a-f]{64}/2$"))
            c.check("page navigation goes to page 2", driver.current_url.endswith("/2"))
            driver.back()

        # 3. The divergence: the law clause's view, both sides side by side.
        driver.get(s.url + "search?q=detainer")
        badge = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.hit a.badge.diverge")))
        badge.click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#divergences article.pair")))
        driver.execute_script("window.scrollTo(0, 0)")
        shot("3-clause")
        driver.execute_script("document.getElementById('divergences').scrollIntoView()")
        shot("4-clause-divergences")
        pair = driver.find_element(By.CSS_SELECTOR, "#divergences article.pair")
        sides = pair.find_elements(By.CSS_SELECTOR, ".side")
        c.check("a divergence shows law and practice side by side",
                len(sides) == 2 and sides[0].find_element(By.TAG_NAME, "h3").text == "Law" and
                sides[1].find_element(By.TAG_NAME, "h3").text in ("Practice", "Policy"),
                [x.text[:40] for x in sides])
        c.check("the citation has a copy button", driver.find_elements(By.CSS_SELECTOR, "button.copy"))

        # 4. Download the exhibit.
        driver.execute_script("window.scrollTo(0, 0)")
        driver.find_element(By.ID, "exhibit-link").click()
        got = None
        for _ in range(120):
            done = [f for f in os.listdir(downloads) if f.endswith(".png")]
            if done:
                got = os.path.join(downloads, done[0])
                break
            time.sleep(0.25)
        c.check("the exhibit downloads as a PNG", got is not None and open(got, "rb").read(4) == b"\x89PNG",
                os.listdir(downloads))
        if got:
            shutil.copy(got, os.path.join(artifacts, "5-exhibit-download.png"))

        # 5. The divergence matrix: a conflict cell leads to its pairs.
        driver.get(s.url + "diverge")
        cell = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.matrix td.conflicts a")))
        shot("6-diverge-matrix")
        cell.click()
        wait.until(EC.url_contains("agency="))
        pairs = driver.find_elements(By.CSS_SELECTOR, "#pairs article.pair")
        c.check("a matrix cell lists its pairs", len(pairs) >= 1, len(pairs))
        driver.find_element(By.ID, "pairs").location_once_scrolled_into_view
        shot("7-diverge-pairs")

        # 6. Status.
        driver.get(s.url + "status")
        wait.until(EC.presence_of_element_located((By.ID, "documents")))
        shot("8-status")
        c.check("status shows documents and pages", driver.find_element(By.ID, "documents").text.split()[0].isdigit())

        # No console errors (a CSP violation would show here).
        try:
            logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        except Exception:  # noqa: BLE001 - not every driver keeps logs
            logs = []
        c.check("no severe browser console errors", not logs, logs)
    finally:
        driver.quit()
        shutil.rmtree(downloads, ignore_errors=True)
c.finish()
