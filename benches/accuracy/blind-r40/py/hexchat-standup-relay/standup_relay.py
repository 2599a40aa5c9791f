"""HexChat plugin: collect !standup lines and relay them to team webhooks.

Copy to ~/.config/hexchat/addons/ (auto-loaded at start-up) or /py load it.
The module body runs once when HexChat loads the script; the hook
callbacks run for every channel message, command and timer tick.
"""
__module_name__ = "standup-relay"
__module_version__ = "1.4"
__module_description__ = "Collects !standup updates and posts a digest to the team webhook"

import json
import os
import time

import hexchat
import redis
import requests

# Only these networks are relayed; each has its own webhook endpoint/token.
WEBHOOKS = {
    "Libera.Chat": os.environ.get("STANDUP_HOOK_LIBERA", "https://chat.example.com/hooks/libera"),
    "corp-irc": os.environ.get("STANDUP_HOOK_CORP", "https://chat.example.com/hooks/corp"),
}

store = redis.Redis.from_url(
    os.environ.get("STANDUP_REDIS_URL", "redis://localhost:6379/5"),
    decode_responses=True,
    socket_timeout=2,
)

_sessions: dict[str, requests.Session] = {}


def _session_for(network: str) -> requests.Session | None:
    if network not in WEBHOOKS:
        return None
    session = _sessions.get(network)
    if session is None:
        session = requests.Session()
        session.headers["Content-Type"] = "application/json"
        _sessions[network] = session
    return session


def on_channel_message(word, word_eol, userdata):
    nick, text = hexchat.strip(word[0]), word[1]
    if not text.startswith("!standup "):
        return hexchat.EAT_NONE
    network = hexchat.get_info("network") or "unknown"
    channel = hexchat.get_info("channel")
    entry = {"nick": nick, "channel": channel, "text": text[len("!standup "):], "ts": time.time()}
    store.rpush(f"standup:{network}", json.dumps(entry))
    return hexchat.EAT_NONE


def flush_digests(userdata):
    for network in WEBHOOKS:
        key = f"standup:{network}"
        items = store.lrange(key, 0, -1)
        if not items:
            continue
        lines = [f"*{e['nick']}* ({e['channel']}): {e['text']}" for e in map(json.loads, items)]
        try:
            _session_for(network).post(WEBHOOKS[network], json={"text": "\n".join(lines)}, timeout=5)
        except requests.RequestException as exc:
            hexchat.prnt(f"standup-relay: post to {network} failed: {exc}")
            continue
        store.ltrim(key, len(items), -1)
    return True  # keep the timer running


def on_standup_command(word, word_eol, userdata):
    network = hexchat.get_info("network") or "unknown"
    pending = store.llen(f"standup:{network}")
    hexchat.prnt(f"standup-relay: {pending} pending update(s) for {network}")
    return hexchat.EAT_ALL


def on_unload(userdata):
    for session in _sessions.values():
        session.close()
    store.close()
    hexchat.prnt("standup-relay unloaded")


hexchat.hook_print("Channel Message", on_channel_message)
hexchat.hook_print("Your Message", on_channel_message)
hexchat.hook_command("STANDUP", on_standup_command, help="/STANDUP  show pending standup updates")
hexchat.hook_timer(15 * 60 * 1000, flush_digests)
hexchat.hook_unload(on_unload)
hexchat.prnt(f"{__module_name__} {__module_version__} loaded")
