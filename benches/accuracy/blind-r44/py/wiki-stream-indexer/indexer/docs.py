"""Turn a recentchange event into an Elasticsearch document."""


def to_document(change):
    length = change.get("length") or {}
    revision = change.get("revision") or {}
    return {
        "wiki": change["wiki"],
        "title": change["title"],
        "user": change.get("user"),
        "bot": bool(change.get("bot")),
        "type": change["type"],
        "comment": change.get("comment", ""),
        "timestamp": change["meta"]["dt"],
        "rev_old": revision.get("old"),
        "rev_new": revision.get("new"),
        "delta": (length.get("new") or 0) - (length.get("old") or 0),
        "url": change["meta"].get("uri"),
    }


def doc_id(change):
    return change["meta"]["id"]
