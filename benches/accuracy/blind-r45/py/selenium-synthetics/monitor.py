"""Runs browser checks forever, every `interval_seconds`."""
import logging
import os
import sys
import time

import requests
import yaml
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from sinks import MetricSink, open_pool

log = logging.getLogger("synthetics")

RESULTS_DSN = os.environ.get("RESULTS_DSN", "postgresql://synth:synth@ops-db:5432/synthetics")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK", "")


def new_driver():
    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--window-size=1366,900")
    driver = webdriver.Chrome(options=options)
    driver.set_page_load_timeout(30)
    return driver


def run_check(driver, check):
    started = time.monotonic()
    try:
        driver.get(check["url"])
        WebDriverWait(driver, 15).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, check["expect_selector"]))
        )
        ok, error = True, None
    except TimeoutException:
        ok, error = False, "selector not found: " + check["expect_selector"]
    return ok, error, int((time.monotonic() - started) * 1000)


def main(config_path):
    logging.basicConfig(level=logging.INFO)
    with open(config_path) as fh:
        config = yaml.safe_load(fh)

    pool = open_pool(RESULTS_DSN)
    metrics = MetricSink()
    slack = requests.Session()
    driver = new_driver()
    try:
        while True:
            for check in config["checks"]:
                try:
                    ok, error, duration_ms = run_check(driver, check)
                except WebDriverException as exc:
                    log.warning("browser crashed, restarting: %s", exc)
                    driver.quit()
                    driver = new_driver()
                    continue
                with pool.connection() as conn:
                    conn.execute(
                        "INSERT INTO check_runs (check_name, ok, error, duration_ms, ran_at)"
                        " VALUES (%s, %s, %s, %s, now())",
                        (check["name"], ok, error, duration_ms),
                    )
                metrics.put(check["region"], check["name"], duration_ms, ok)
                if not ok and SLACK_WEBHOOK:
                    slack.post(SLACK_WEBHOOK, json={"text": f":red_circle: {check['name']}: {error}"},
                               timeout=5)
            time.sleep(config.get("interval_seconds", 120))
    finally:
        driver.quit()
        slack.close()
        pool.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "checks.yaml")
