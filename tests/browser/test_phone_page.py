#!/usr/bin/python3
"""The phone page in a real browser: headless Chromium at a phone's size joins `maturity serve`, votes,
changes the vote, and the test checks the database. Usage: test_phone_page.py MATURITY_BINARY [SHOT_DIR]

Debian's selenium and chromium-driver: run with /usr/bin/python3."""
import json
import os
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    binary = sys.argv[1]
    shots = sys.argv[2] if len(sys.argv) > 2 else None
    work = tempfile.mkdtemp(prefix="mw-browser-")
    db = os.path.join(work, "phone.db")
    subprocess.run([binary, "--db", db, "demo"], check=True, capture_output=True)
    serve = subprocess.Popen([binary, "--db", db, "serve", "2", "--port", "0", "--bind", "127.0.0.1"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def command(line):
        serve.stdin.write(line + "\n")
        serve.stdin.flush()
        return serve.stdout.readline().strip()

    join = serve.stdout.readline().strip()
    if not join.startswith("Join: http://127.0.0.1:"):
        fail("the first line is not the join URL: " + join)
    url = join[len("Join: "):]

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=390,844", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0},
        "userAgent": "Mozilla/5.0 (Linux; Android 13) Mobile"})
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(browser, 15)
    try:
        browser.get(url)
        wait.until(ready.visibility_of_element_located((By.ID, "join")))
        if shots:
            browser.save_screenshot(os.path.join(shots, "phone-join.png"))
        browser.find_element(By.ID, "name").send_keys("Chidi <b>Okafor</b>")
        Select(browser.find_element(By.ID, "group")).select_by_visible_text("OT")
        browser.find_element(By.CSS_SELECTOR, "#joinForm button[type=submit]").click()
        wait.until(ready.visibility_of_element_located((By.ID, "waiting")))
        # The name is shown as text, never as markup.
        if browser.find_element(By.ID, "who").text != "Chidi <b>Okafor</b> · OT":
            fail("the name is not shown as typed: " + browser.find_element(By.ID, "who").text)

        if not command("open SB4").startswith("open SB4: "):
            fail("open SB4 was not acknowledged")
        wait.until(ready.visibility_of_element_located((By.ID, "question")))
        levels = browser.find_elements(By.CSS_SELECTOR, "#levels button")
        if len(levels) != 6:
            fail("expected six level buttons, found %d" % len(levels))
        # Large tap targets: every level button is at least 44 CSS pixels high and nearly the screen's width.
        for button in levels:
            if button.size["height"] < 44 or button.size["width"] < 300:
                fail("a level button is too small to tap: %s" % button.size)
        browser.find_element(By.ID, "comment").send_keys("SOC sees the DMZ sensor")
        levels[2].click()
        wait.until(ready.text_to_be_present_in_element((By.ID, "status"), "saved"))
        levels = browser.find_elements(By.CSS_SELECTOR, "#levels button")
        levels[3].click()  # changes the vote
        wait.until(ready.text_to_be_present_in_element((By.ID, "status"), "3 Defined ✓ saved"))
        if levels[3].get_attribute("aria-pressed") != "true":
            fail("the chosen level is not marked")
        if shots:
            browser.execute_script("window.scrollTo(0, 0)")
            browser.save_screenshot(os.path.join(shots, "phone-vote.png"))
        reveal = command("reveal")
        if "OT: 3" not in reveal:
            fail("the reveal does not show the vote: " + reveal)
        wait.until(ready.visibility_of_element_located((By.ID, "reveal")))
        # Re-opening the page on the same phone resumes: no join form again.
        browser.get(url)
        wait.until(ready.visibility_of_element_located((By.ID, "question")))
        if not browser.find_element(By.ID, "join").get_attribute("hidden"):
            fail("re-opening the page asked to join again")
    finally:
        browser.quit()
        command("quit")
        serve.wait(10)

    exported = os.path.join(work, "bundle.json")
    subprocess.run([binary, "--db", db, "export", "2", "--out", exported], check=True, capture_output=True)
    bundle = json.load(open(exported, encoding="utf-8"))
    people = {p["key"]: p for p in bundle["participants"]}
    votes = [a for a in bundle["answers"]
             if a["question"] == "SB4" and people.get(a["participant"], {}).get("name") == "Chidi <b>Okafor</b>"]
    if len(votes) != 1:
        fail("expected one SB4 vote of Chidi in the database, found %d" % len(votes))
    if votes[0]["current"] != 3 or votes[0]["note"] != "SOC sees the DMZ sensor":
        fail("the stored vote is %s" % json.dumps(votes[0]))
    if people[votes[0]["participant"]]["group"] != "OT":
        fail("the voice is not in the OT group")
    print("phone page: joined, voted, changed the vote, revealed and resumed; the database holds level 3")


if __name__ == "__main__":
    main()
