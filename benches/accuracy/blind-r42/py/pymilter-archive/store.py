import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("ARCHIVE_DB_URL", "postgresql+psycopg2://milter@archive-db/archive"),
    pool_size=8,
    max_overflow=4,
    pool_pre_ping=True,
)

INSERT_MESSAGE = text(
    """
    INSERT INTO archived_messages (archive_id, queue_id, mail_from, rcpt_to, subject, message_id, size_bytes, client_ip)
    VALUES (:archive_id, :queue_id, :mail_from, :rcpt_to, :subject, :message_id, :size_bytes, :client_ip)
    """
)
