#!/usr/bin/env python3
"""SSH front door for the git forge: one thread per incoming connection."""

import logging
import os
import socket
import subprocess
import threading

import paramiko

from clients import make_pool, make_redis
from gateway import GitGateway

log = logging.getLogger("gateway")

REPO_ROOT = os.environ.get("REPO_ROOT", "/srv/git")


def serve_connection(client_sock, addr, host_key, pool, cache):
    transport = paramiko.Transport(client_sock)
    transport.add_server_key(host_key)
    gateway = GitGateway(pool, cache, peer=addr[0])
    try:
        transport.start_server(server=gateway)
        channel = transport.accept(timeout=20)
        if channel is None or not gateway.exec_requested.wait(10):
            return
        command, repo = gateway.command
        proc = subprocess.Popen(
            [command, os.path.join(REPO_ROOT, repo)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        pump = threading.Thread(target=_pump_stdin, args=(channel, proc), daemon=True)
        pump.start()
        for chunk in iter(lambda: proc.stdout.read(32768), b""):
            channel.sendall(chunk)
        status = proc.wait()
        if status == 0 and command == "git-receive-pack":
            gateway.record_push(repo)
        channel.send_exit_status(status)
        channel.close()
    except (paramiko.SSHException, EOFError, OSError) as exc:
        log.info("connection from %s ended: %s", addr[0], exc)
    finally:
        transport.close()


def _pump_stdin(channel, proc):
    while True:
        data = channel.recv(32768)
        if not data:
            break
        proc.stdin.write(data)
        proc.stdin.flush()
    proc.stdin.close()


def main():
    logging.basicConfig(level=logging.INFO)
    host_key = paramiko.Ed25519Key(filename=os.environ.get("HOST_KEY", "/etc/gateway/ssh_host_ed25519_key"))
    pool = make_pool()
    cache = make_redis()

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("0.0.0.0", int(os.environ.get("SSH_PORT", "2222"))))
    sock.listen(100)
    log.info("listening")
    try:
        while True:
            client_sock, addr = sock.accept()
            threading.Thread(
                target=serve_connection,
                args=(client_sock, addr, host_key, pool, cache),
                daemon=True,
            ).start()
    finally:
        pool.close()
        cache.close()


if __name__ == "__main__":
    main()
