"""Serve a HAR file to Chromium with Playwright's route_from_har and report what the page got.

Usage: python3 har_replay.py HAR ORIGIN REQUESTS_JSON
REQUESTS_JSON is a list of [method, path, body-in-base64-or-null]. Every request, the page
included, must be answered from the HAR (not_found="abort"): nothing listens at ORIGIN.
Prints {"page": <text of #ok>, "results": [{"status", "url", "body": base64}]} as JSON.
"""

import json
import os
import sys

from playwright.sync_api import sync_playwright

CHROMIUM = next(p for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium") if os.path.exists(p))

SCRIPT = """
async (requests) => {
  const results = [];
  for (const [method, path, body] of requests) {
    results.push(await new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, path);
      xhr.responseType = 'arraybuffer';
      xhr.onloadend = () => {
        const bytes = new Uint8Array(xhr.response || new ArrayBuffer(0));
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        resolve({status: xhr.status, url: xhr.responseURL, body: btoa(binary)});
      };
      xhr.send(body === null ? null : Uint8Array.from(atob(body), (c) => c.charCodeAt(0)));
    }));
  }
  return results;
}
"""


def main():
    har, origin, requests = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.route_from_har(har, not_found="abort")
        page.goto(origin + "/")
        text = page.inner_text("#ok")
        results = page.evaluate(SCRIPT, requests)
        browser.close()
    json.dump({"page": text, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
