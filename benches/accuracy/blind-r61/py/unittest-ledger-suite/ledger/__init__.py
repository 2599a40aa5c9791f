from .postings import balance, post_transfer  # noqa: F401
