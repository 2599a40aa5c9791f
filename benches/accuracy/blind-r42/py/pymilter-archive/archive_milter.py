import logging
import os
import uuid

import Milter
import redis
from Milter.utils import parse_addr

import store

log = logging.getLogger("archive-milter")

SOCKET = os.environ.get("MILTER_SOCKET", "inet:8894@127.0.0.1")
HOURLY_LIMIT = int(os.environ.get("SENDER_HOURLY_LIMIT", "500"))
BOUNCE_SENDERS = {"", "mailer-daemon", "postmaster"}


class ArchiveMilter(Milter.Base):
    """pymilter creates one instance of this class per SMTP connection."""

    def __init__(self):
        self.id = Milter.uniqueID()
        self.counters = redis.Redis(
            host=os.environ.get("REDIS_HOST", "127.0.0.1"),
            port=int(os.environ.get("REDIS_PORT", "6379")),
            db=4,
            socket_timeout=2,
        )
        self.client_ip = None
        self.reset()

    def reset(self):
        self.mail_from = None
        self.rcpts = []
        self.subject = ""
        self.message_id = ""
        self.size = 0

    @Milter.noreply
    def connect(self, IPname, family, hostaddr):
        self.client_ip = hostaddr[0] if hostaddr else None
        return Milter.CONTINUE

    def envfrom(self, mailfrom, *params):
        self.reset()
        self.mail_from = mailfrom
        local = parse_addr(mailfrom)[0].lower() if mailfrom not in ("<>", "") else ""
        if local in BOUNCE_SENDERS:
            return Milter.CONTINUE
        key = f"rate:{mailfrom.lower()}"
        count = self.counters.incr(key)
        if count == 1:
            self.counters.expire(key, 3600)
        if count > HOURLY_LIMIT:
            self.setreply("450", "4.7.1", "Sender hourly limit reached, try later")
            return Milter.TEMPFAIL
        return Milter.CONTINUE

    @Milter.noreply
    def envrcpt(self, to, *params):
        self.rcpts.append(to)
        return Milter.CONTINUE

    @Milter.noreply
    def header(self, name, hval):
        lname = name.lower()
        if lname == "subject":
            self.subject = hval[:500]
        elif lname == "message-id":
            self.message_id = hval[:250]
        return Milter.CONTINUE

    @Milter.noreply
    def body(self, chunk):
        self.size += len(chunk)
        return Milter.CONTINUE

    def eom(self):
        archive_id = str(uuid.uuid4())
        self.addheader("X-Archive-Id", archive_id)
        conn = store.engine.connect()
        if parse_addr(self.mail_from or "")[0].lower() in BOUNCE_SENDERS:
            # bounces are archived by the MTA's own DSN log
            return Milter.ACCEPT
        conn.execute(
            store.INSERT_MESSAGE,
            {
                "archive_id": archive_id,
                "queue_id": self.getsymval("i"),
                "mail_from": self.mail_from,
                "rcpt_to": ",".join(self.rcpts),
                "subject": self.subject,
                "message_id": self.message_id,
                "size_bytes": self.size,
                "client_ip": self.client_ip,
            },
        )
        conn.commit()
        conn.close()
        log.info("%s archived %s (%d bytes)", self.id, archive_id, self.size)
        return Milter.ACCEPT

    def abort(self):
        self.reset()
        return Milter.CONTINUE

    def close(self):
        return Milter.CONTINUE


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    Milter.factory = ArchiveMilter
    Milter.set_flags(Milter.ADDHDRS)
    log.info("archive milter listening on %s", SOCKET)
    Milter.runmilter("archivemilter", SOCKET, 240)


if __name__ == "__main__":
    main()
