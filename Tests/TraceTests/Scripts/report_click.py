"""Open a timeline report in Chromium, click one exchange row, and print the detail panel's text.

Usage: python3 report_click.py REPORT_HTML ROW_INDEX
Prints {"rows": <number of tr.ex>, "hidden": <panel hidden before the click>, "detail": <text>}.
"""

import json
import os
import sys

from playwright.sync_api import sync_playwright

CHROMIUM = next(p for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium") if os.path.exists(p))


def main():
    report, row = sys.argv[1], int(sys.argv[2])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto("file://" + os.path.abspath(report))
        hidden = page.eval_on_selector("#detail", "panel => panel.hidden")
        page.click(f"tr.ex[data-i='{row}'] td:nth-child(3)")
        page.wait_for_selector("#detail:not([hidden])")
        result = {"rows": page.locator("tr.ex").count(), "hidden": hidden, "detail": page.inner_text("#detail")}
        browser.close()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
