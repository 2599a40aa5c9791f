#!/usr/bin/env python3
"""Latency of `connlint lsp` on a real workspace, driven over stdio like an editor.

Usage: benches/lsp_latency.py BINARY WORKSPACE FILE [KEYSTROKES]

Measures: the initial scan (initialize → the server's "read N files" log message), first
diagnostics for FILE after didOpen (push), and per-keystroke latency: an incremental didChange
typing one character, then a pull `textDocument/diagnostic` request, timed until its answer
(median and 90th percentile over KEYSTROKES).
"""
import json, os, subprocess, sys, time, statistics, threading, queue, pathlib

def main():
    binary, root, file = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    p = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, cwd=root)
    q = queue.Queue()
    def reader():
        f = p.stdout
        while True:
            line = f.readline()
            if not line:
                return
            length = 0
            while line.strip():
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                line = f.readline()
            q.put(json.loads(f.read(length)))
    threading.Thread(target=reader, daemon=True).start()
    seq = [0]
    def send(msg):
        body = json.dumps(msg).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        p.stdin.flush()
    def request(method, params):
        seq[0] += 1
        send({"jsonrpc": "2.0", "id": seq[0], "method": method, "params": params})
        while True:
            m = q.get(timeout=120)
            if m.get("id") == seq[0] and "method" not in m:
                return m
    def wait(pred):
        while True:
            m = q.get(timeout=120)
            if pred(m):
                return m
    uri = pathlib.Path(file).as_uri()
    t0 = time.perf_counter()
    request("initialize", {"processId": None, "rootUri": pathlib.Path(root).as_uri(),
                           "capabilities": {"textDocument": {"diagnostic": {}}}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    log = wait(lambda m: m.get("method") == "window/logMessage" and "read " in m["params"]["message"])
    read = time.perf_counter() - t0
    log2 = wait(lambda m: m.get("method") == "window/logMessage" and "checked " in m["params"]["message"])
    scan = time.perf_counter() - t0
    print(f"initial scan: files read after {read:.2f} s, facts and findings after {scan:.2f} s "
          f"({log['params']['message']}; {log2['params']['message']})")
    text = open(file).read()
    t1 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "typescript", "version": 1, "text": text}}})
    r = request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    first = time.perf_counter() - t1
    print(f"first diagnostics after didOpen: {first*1000:.0f} ms ({len(r['result']['items'])} findings)")
    lines = text.split("\n")
    line = len(lines) - 1
    col = len(lines[-1])
    times = []
    for i in range(n):
        t = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2 + i},
            "contentChanges": [{"range": {"start": {"line": line, "character": col},
                                          "end": {"line": line, "character": col}},
                                "text": "/" if i == 0 else ("/" if i == 1 else "x")}]}})
        col += 1
        request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        times.append(time.perf_counter() - t)
    times.sort()
    print(f"per keystroke (didChange + pull, {n} edits): median {statistics.median(times)*1000:.0f} ms, "
          f"p90 {times[int(len(times)*0.9)-1]*1000:.0f} ms")
    request("shutdown", None)
    send({"jsonrpc": "2.0", "method": "exit", "params": None})
    p.wait(timeout=60)

main()
