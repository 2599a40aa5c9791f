"""Per-session shell command logging for the iTerm2 CI script.

follow_session() runs as one task per terminal session and sees every
command start/end reported by iTerm2's shell integration.
"""
import fnmatch
import socket
import time

import iterm2

MIN_SECONDS = 2.0
HOSTNAME = socket.gethostname()

_Mode = iterm2.PromptMonitor.Mode


def _first_word(command):
    parts = (command or "").strip().split()
    return parts[0] if parts else ""


async def record_command(pool, session_id, command, exit_status, seconds):
    if seconds < MIN_SECONDS:
        return

    conn = await pool.acquire()
    patterns = await conn.fetch("SELECT pattern FROM ignored_commands")
    if any(fnmatch.fnmatch(command, row["pattern"]) for row in patterns):
        return

    try:
        await conn.execute(
            """
            INSERT INTO shell_commands
                (host, session_id, program, command, exit_status, seconds, finished_at)
            VALUES ($1, $2, $3, $4, $5, $6, now())
            """,
            HOSTNAME,
            session_id,
            _first_word(command),
            command,
            exit_status,
            seconds,
        )
    finally:
        await pool.release(conn)


async def follow_session(connection, session_id, pool):
    modes = [_Mode.COMMAND_START, _Mode.COMMAND_END]
    command, started = None, None
    async with iterm2.PromptMonitor(connection, session_id, modes=modes) as monitor:
        while True:
            mode, info = await monitor.async_get()
            if mode == _Mode.COMMAND_START:
                command, started = info, time.monotonic()
            elif mode == _Mode.COMMAND_END and started is not None:
                seconds = time.monotonic() - started
                await record_command(pool, session_id, command, info, seconds)
                command, started = None, None
