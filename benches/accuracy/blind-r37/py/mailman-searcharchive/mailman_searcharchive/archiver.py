"""IArchiver implementation. Mailman instantiates archiver classes once per runner process
(config.archivers); archive_message() is then called for every accepted post."""
from mailman.interfaces.archiver import IArchiver
from public import public
from zope.interface import implementer

from mailman_searcharchive import vector
from mailman_searcharchive.documents import ArchivedMessage
from mailman_searcharchive.settings import PUBLIC_BASE


def _text_body(msg):
    if msg.is_multipart():
        for part in msg.walk():
            if part.get_content_type() == "text/plain":
                payload = part.get_payload(decode=True) or b""
                return payload.decode(part.get_content_charset() or "utf-8", "replace")
        return ""
    payload = msg.get_payload(decode=True) or b""
    return payload.decode(msg.get_content_charset() or "utf-8", "replace")


@public
@implementer(IArchiver)
class SearchArchiver:
    name = "searcharchive"
    is_enabled = False

    def list_url(self, mlist):
        return f"{PUBLIC_BASE}/{mlist.list_id}/"

    def permalink(self, mlist, msg):
        msg_hash = msg.get("X-Message-ID-Hash")
        if msg_hash is None:
            return None
        return f"{PUBLIC_BASE}/{mlist.list_id}/{msg_hash}/"

    def archive_message(self, mlist, msg):
        msg_hash = msg.get("X-Message-ID-Hash")
        body = _text_body(msg)
        doc = ArchivedMessage(
            list_id=mlist.list_id,
            message_id_hash=msg_hash,
            subject=str(msg.get("Subject", "")),
            sender=str(msg.get("From", "")),
            body=body,
            references=str(msg.get("References", "")).split(),
        )
        doc.save()
        vector.get_client().collections.get("ListPost").data.insert(
            properties={"list_id": mlist.list_id, "hash": msg_hash,
                        "subject": doc.subject, "body": body[:20000]}
        )
        return self.permalink(mlist, msg)
