#!/usr/bin/env python3
"""The district server in a real browser (Debian's chromium + chromium-driver, Selenium).

Starts `dudao serve` on a throwaway SQLite store with accounts made by `dudao users add`; the
supervisor changes the one-time password and uploads the rosters from the district page; the
office logs in (first-login password change), is told why a workbook with a wrong header does not read,
uploads its workbook (fixtures/server/SO01.xlsx), reads its self-check, and fails to reach
another office's page (404); the supervisor then sees the district view, the district audit,
the spot-check list and the statistics, and saves an inspection. Any console message in the
browser (a script error, a blocked resource) fails the run. Screenshots of the main pages
go to the artifacts folder printed at the end.

usage: .ci/browser_server.py PATH-TO-DUDAO [ARTIFACTS-DIR]
"""
import base64
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parent.parent
AS_OF = "2023-04-30"
ROSTERS = ["offices", "practitioners", "streets", "communities", "enterprises", "fee_schedule", "contacts"]


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)
    print("  ok:", what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Site:
    """A `dudao serve` on a temporary store, with its accounts."""

    def __init__(self, dudao, folder):
        self.dudao = dudao
        self.store = "sqlite:" + str(folder / "district.db")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(folder / "serve.log", "w")
        self.process = None

    def users(self, *args):
        done = subprocess.run([self.dudao, "users", *args, "--store", self.store], capture_output=True, text=True)
        if done.returncode != 0:
            raise Failure(f"dudao users {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout.strip()

    def start(self):
        self.process = subprocess.Popen([self.dudao, "serve", "--store", self.store, "--listen", f"127.0.0.1:{self.port}"],
                                        stdout=self.log, stderr=self.log)
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/login", timeout=2).read()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise Failure("dudao serve stopped: see serve.log")
                time.sleep(0.2)
        raise Failure("dudao serve did not answer")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def gone(element):
    """Whether `element` is no longer in the page (the page has been replaced)."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


class Browser:
    """Chromium driven by Selenium; every page checked for console messages."""

    def __init__(self, artifacts):
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN",
                     "--window-size=1280,900", "--hide-scrollbars"]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(120)
        self.artifacts = artifacts

    def open(self, url, status=None):
        self.driver.get(url)
        self.quiet(status)

    def quiet(self, status=None):
        """Fails on any console message but the one that reports the expected error `status`."""
        expected = f"the server responded with a status of {status} " if status else None
        messages = [m for m in self.driver.get_log("browser") if not (expected and expected in m.get("message", ""))]
        if messages:
            raise Failure("console messages on " + self.driver.current_url + ":\n" +
                          "\n".join(m.get("message", "") for m in messages))

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def fill(self, name, value, form=None):
        """Types `value` into the field `name` (of the form whose action starts with `form`)."""
        scope = self.driver.find_element(By.CSS_SELECTOR, f"form[action^='{form}']") if form else self.driver
        field = scope.find_element(By.NAME, name)
        if field.get_attribute("type") == "date":
            # Typing into a date field follows the locale's order; set the value as a date picker does.
            self.driver.execute_script("arguments[0].value = arguments[1]", field, value)
            return
        field.clear()
        field.send_keys(value)

    def submit(self, form_action, status=None):
        """Clicks the button of the form whose action starts with `form_action`."""
        form = self.driver.find_element(By.CSS_SELECTOR, f"form[action^='{form_action}']")
        form.find_element(By.TAG_NAME, "button").click()
        # The next page has replaced this one (and loaded) before anything is read from it.
        WebDriverWait(self.driver, 120).until(lambda d: gone(form))
        WebDriverWait(self.driver, 120).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.quiet(status)

    def shot(self, name):
        """A screenshot of the whole page, however long (up to 5000 pixels), as wide as the window."""
        size = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 5000), "scale": 1}
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
        path = self.artifacts / f"{name}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        check(path.stat().st_size > 5000, f"screenshot {path.name}")

    def quit(self):
        self.driver.quit()


def log_in(b, site, user, password, new_password=None, shots=None):
    b.open(site.base + "/login")
    if shots:
        b.shot(shots + "-login")
    b.fill("user", user)
    b.fill("password", password)
    b.submit("/login")
    if new_password:
        check(b.driver.current_url.endswith("/password"), f"{user}: a one-time password leads to the password page")
        check("一次性密码" in b.text(), f"{user}: the page says the password is a one-time one")
        if shots:
            b.shot(f"{int(shots) + 1:02d}-password")
        b.fill("old", password)
        b.fill("new", new_password)
        b.fill("again", new_password)
        b.submit("/password")
        check(b.driver.current_url.endswith("/login"), f"{user}: after the change, log in again")
        b.fill("user", user)
        b.fill("password", new_password)
        b.submit("/login")


def log_out(b):
    b.submit("/logout")
    check(b.driver.current_url.endswith("/login"), "logged out")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    dudao = os.path.abspath(argv[1])
    artifacts = pathlib.Path(argv[2] if len(argv) > 2 else ROOT / ".ci" / "artifacts" / "server")
    artifacts.mkdir(parents=True, exist_ok=True)
    for old in artifacts.glob("*.png"):
        old.unlink()
    folder = pathlib.Path(tempfile.mkdtemp(prefix="dudao-browser-"))
    site = Site(dudao, folder)
    boss_pw = site.users("add", "--user", "zhangliang", "--role", "supervisor", "--name", "张亮", "--admin")
    so01_pw = site.users("add", "--user", "so01", "--role", "office", "--office", "SO01")
    site.users("add", "--user", "so02", "--role", "office", "--office", "SO02")
    site.start()
    b = Browser(artifacts)
    try:
        print("== supervisor: first login, rosters")
        log_in(b, site, "zhangliang", boss_pw, "督导张亮的新密码2026", shots="01")
        check(b.driver.current_url.endswith("/district"), "the supervisor lands on the district page")
        for table in ROSTERS:
            path = ROOT / "fixtures" / "server" / "basic" / f"{table}.csv"
            select = b.driver.find_element(By.NAME, "table")
            select.find_element(By.CSS_SELECTOR, f"option[value='{table}']").click()
            b.driver.find_element(By.CSS_SELECTOR, "form[action^='/district/rosters'] input[type=file]").send_keys(str(path))
            b.submit("/district/rosters")
            check("已更新名册" in b.text(), f"roster {table} uploaded")
        log_out(b)

        print("== office SO01: first login, a workbook that does not read, its workbook, its self-check")
        log_in(b, site, "so01", so01_pw, "所里自己的新密码2026")
        check(b.driver.current_url.endswith("/offices/SO01"), "the office lands on its own page")
        file_input = "form[action^='/offices/SO01/uploads'] input[type=file]"
        b.driver.find_element(By.CSS_SELECTOR, file_input).send_keys(str(ROOT / "fixtures" / "server" / "SO01-bad-header.xlsx"))
        b.submit("/offices/SO01/uploads", status=422)
        error = b.driver.find_element(By.CSS_SELECTOR, "p.error").text
        check("SO01-bad-header.xlsx" in error and "活动台账" in error and "第2行缺少列 日期" in error,
              "a workbook that does not read: the reader's message names file, sheet and row: " + error.splitlines()[0])
        check("尚未上传。" in b.text(), "and nothing is stored: no upload listed")
        b.shot("03-office-upload-refused")
        b.driver.find_element(By.CSS_SELECTOR, file_input).send_keys(str(ROOT / "fixtures" / "server" / "SO01.xlsx"))
        b.submit("/offices/SO01/uploads")
        stored = b.driver.find_element(By.CSS_SELECTOR, "p.ok").text
        check("已保存为第 1 号上传" in stored and "活动台账 640 行" in stored, "the workbook is stored with its rows: " + stored)
        check("SO01.xlsx" in b.text(), "the upload is listed")
        b.shot("04-office-page")
        b.fill("asOf", AS_OF, form="/offices/SO01/check")
        b.submit("/offices/SO01/check")
        check("/offices/SO01/check?asOf=" + AS_OF in b.driver.current_url, "the self-check as of a chosen date")
        text = b.text()
        check("自查" in text and "SO01" in text, "the self-check names the office")
        check("SO02" not in text, "the self-check shows no other office")
        b.shot("05-office-self-check")
        for url in ["/offices/SO02", "/offices/SO02/check?asOf=" + AS_OF, "/district", "/district/audit"]:
            b.open(site.base + url, status=404)
            check(b.driver.title == "404" and "SO02" not in b.text().replace("404", ""), f"SO01 cannot reach {url}: 404")
        b.open(site.base + "/offices/SO02", status=404)
        b.shot("06-office-other-office-404")
        b.open(site.base + "/offices/SO01")
        log_out(b)

        print("== supervisor: district view, audit, spot checks, statistics, an inspection")
        log_in(b, site, "zhangliang", "督导张亮的新密码2026")
        text = b.text()
        check("SO01.xlsx" in text, "the district page shows SO01's upload")
        check("尚未上传" in text, "the district page shows SO02 has not uploaded")
        b.fill("asOf", AS_OF, form="/district/inspections")
        b.submit("/district/inspections")
        check("/district" in b.driver.current_url and AS_OF in b.text(), "an inspection is saved from the page")
        b.shot("07-district")
        b.open(site.base + "/district/audit?asOf=" + AS_OF)
        check("SO01" in b.text(), "the district audit lists SO01's findings")
        b.shot("08-district-audit")
        b.open(site.base + "/district/sample?asOf=" + AS_OF)
        check("抽查" in b.text() and "SO01/SO01.xlsx[活动台账] 第" in b.text(),
              "the spot-check list names each record's row in the workbook as uploaded")
        b.shot("09-district-spot-checks")
        b.open(site.base + "/district/stats?asOf=" + AS_OF)
        check("统计" in b.text(), "the statistics")
        b.shot("10-district-statistics")
        b.open(site.base + "/offices/SO01?lang=en")
        check("Upload the ledger" in b.text(), "English with ?lang=en")
        b.open(site.base + "/offices/SO01")
        log_out(b)
    except (Failure, WebDriverException) as failure:
        b.shot("failed")
        print("FAILED:", failure)
        print((folder / "serve.log").read_text()[-3000:] if (folder / "serve.log").exists() else "")
        return 1
    finally:
        b.quit()
        site.stop()
    shutil.rmtree(folder, ignore_errors=True)
    print("screenshots in", artifacts, ":", " ".join(sorted(p.name for p in artifacts.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
