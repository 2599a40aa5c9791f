"""paramiko ServerInterface: public-key auth and exec of git-upload-pack/git-receive-pack."""

import logging
import shlex
import threading

import paramiko

log = logging.getLogger("gateway.auth")

ALLOWED_COMMANDS = {"git-upload-pack", "git-receive-pack"}


class GitGateway(paramiko.ServerInterface):
    """One instance per SSH connection; the pool and cache are shared."""

    def __init__(self, pool, cache, peer):
        self.pool = pool
        self.cache = cache
        self.peer = peer
        self.user_id = None
        self.command = None
        self.exec_requested = threading.Event()

    def get_allowed_auths(self, username):
        return "publickey"

    def check_auth_publickey(self, username, key):
        fingerprint = key.get_fingerprint().hex()
        cache_key = f"sshkey:{fingerprint}"
        cached = self.cache.get(cache_key)
        if cached:
            self.user_id = int(cached)
            return paramiko.AUTH_SUCCESSFUL
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT user_id FROM ssh_keys WHERE fingerprint = %s AND revoked_at IS NULL",
                (fingerprint,),
            ).fetchone()
        if row is None:
            log.info("rejected key %s from %s", fingerprint, self.peer)
            return paramiko.AUTH_FAILED
        self.user_id = row[0]
        self.cache.set(cache_key, row[0], ex=300)
        return paramiko.AUTH_SUCCESSFUL

    def check_channel_request(self, kind, chanid):
        if kind == "session":
            return paramiko.OPEN_SUCCEEDED
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_exec_request(self, channel, command):
        argv = shlex.split(command.decode())
        if len(argv) != 2 or argv[0] not in ALLOWED_COMMANDS:
            return False
        repo = argv[1].strip("'/")
        if not self._may_access(repo, write=argv[0] == "git-receive-pack"):
            return False
        self.command = (argv[0], repo)
        self.exec_requested.set()
        return True

    def _may_access(self, repo, write):
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT can_write FROM repo_members m JOIN repos r ON r.id = m.repo_id "
                "WHERE r.path = %s AND m.user_id = %s",
                (repo, self.user_id),
            ).fetchone()
        return row is not None and (row[0] or not write)

    def record_push(self, repo):
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO audit_log (user_id, action, repo, peer) VALUES (%s, 'push', %s, %s)",
                (self.user_id, repo, self.peer),
            )
        self.cache.publish("repo-pushed", repo)
