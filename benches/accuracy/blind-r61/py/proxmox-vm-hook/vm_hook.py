#!/usr/bin/env python3
"""Proxmox hookscript: record guest lifecycle events and tell the on-call channel.

Proxmox starts this script once per phase per guest and waits for it to exit.
"""
import os
import socket
import sys

import psycopg
import requests
from proxmoxer import ProxmoxAPI

ENV_FILE = "/etc/pve/vm-hook.env"


def load_env(path: str = ENV_FILE) -> dict:
    env = {}
    with open(path) as fh:
        for line in fh:
            if "=" in line and not line.startswith("#"):
                key, _, value = line.strip().partition("=")
                env[key] = value
    return env


def guest_name(api: ProxmoxAPI, vmid: str) -> str:
    node = socket.gethostname()
    return api.nodes(node).qemu(vmid).config.get().get("name", f"vm-{vmid}")


def record(env: dict, vmid: str, phase: str, name: str) -> None:
    with psycopg.connect(env["HOOK_DSN"], connect_timeout=3) as conn:
        conn.execute(
            "INSERT INTO guest_events (node, vmid, name, phase, at) "
            "VALUES (%s, %s, %s, %s, now())",
            (socket.gethostname(), int(vmid), name, phase),
        )


def notify(env: dict, text: str) -> None:
    with requests.Session() as http:
        http.headers["Authorization"] = f"Bearer {env['CHAT_TOKEN']}"
        http.post(env["CHAT_WEBHOOK"], json={"text": text}, timeout=5)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: vm_hook.py <vmid> <phase>", file=sys.stderr)
        return 1
    vmid, phase = argv[1], argv[2]
    env = load_env()
    api = ProxmoxAPI(
        "localhost",
        user=env["PVE_USER"],
        token_name=env["PVE_TOKEN_NAME"],
        token_value=env["PVE_TOKEN_VALUE"],
        verify_ssl=False,
    )
    name = guest_name(api, vmid)
    record(env, vmid, phase, name)
    if phase in ("post-start", "post-stop"):
        notify(env, f"{socket.gethostname()}: {name} ({vmid}) {phase}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
