#!/var/ossec/framework/python/bin/python3
"""Wazuh custom integration: opens a ticket for high-level alerts and records
the alert -> ticket mapping in the SOC database.

integratord (Wazuh 4.7+, which runs .py integrations with its embedded
interpreter) starts one short-lived process per alert, so every client below
lives for exactly one alert and is closed before the process exits.
"""
import json
import sys
import time

import psycopg
import requests

LOG_FILE = "/var/ossec/logs/integrations.log"
SOC_DSN_FILE = "/var/ossec/etc/soc_dsn"
SEVERITY = {range(10, 12): "major", range(12, 14): "critical", range(14, 17): "blocker"}


def log(msg):
    with open(LOG_FILE, "a", encoding="utf-8") as fh:
        fh.write(f"{time.strftime('%Y/%m/%d %H:%M:%S')} custom-ticketing: {msg}\n")


def severity_for(level):
    for levels, name in SEVERITY.items():
        if level in levels:
            return name
    return "minor"


def build_issue(alert):
    rule = alert.get("rule", {})
    agent = alert.get("agent", {})
    return {
        "title": f"[Wazuh {rule.get('level')}] {rule.get('description')} on {agent.get('name')}",
        "severity": severity_for(int(rule.get("level", 0))),
        "labels": ["wazuh"] + list(rule.get("groups", [])),
        "body": json.dumps(alert, indent=2)[:20000],
        "external_id": alert.get("id"),
    }


def main(argv):
    if len(argv) < 4:
        log(f"bad arguments: {argv!r}")
        return 2
    alert_file, api_key, hook_url = argv[1], argv[2], argv[3]
    with open(alert_file, encoding="utf-8") as fh:
        alert = json.load(fh)

    with requests.Session() as http:
        http.headers.update({"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"})
        resp = http.post(hook_url, json=build_issue(alert), timeout=15)
        if resp.status_code not in (200, 201):
            log(f"ticket API returned {resp.status_code}: {resp.text[:300]}")
            return 1
        ticket = resp.json()

    with open(SOC_DSN_FILE, encoding="utf-8") as fh:
        dsn = fh.read().strip()
    with psycopg.connect(dsn, connect_timeout=5) as conn:
        conn.execute(
            "INSERT INTO wazuh_tickets (alert_id, rule_id, agent_name, ticket_key, created_at) "
            "VALUES (%s, %s, %s, %s, now()) ON CONFLICT (alert_id) DO NOTHING",
            (alert.get("id"), alert.get("rule", {}).get("id"),
             alert.get("agent", {}).get("name"), ticket.get("key")),
        )
    log(f"alert {alert.get('id')} -> ticket {ticket.get('key')}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as exc:  # integratord only sees the exit code
        log(f"failed: {exc!r}")
        sys.exit(1)
