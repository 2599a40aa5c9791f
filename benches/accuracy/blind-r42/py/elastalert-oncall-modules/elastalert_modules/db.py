"""On-call ticket database (MySQL). Imported once by the elastalert process."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("ONCALL_DB_URL", "mysql+pymysql://elastalert@oncall-db.internal/oncall"),
    pool_size=4,
    max_overflow=2,
    pool_recycle=3600,
    pool_pre_ping=True,
)

OPEN_TICKET = text(
    """
    INSERT INTO tickets (team, rule_name, summary, payload, owner, opened_at)
    VALUES (:team, :rule_name, :summary, :payload, :owner, UTC_TIMESTAMP())
    """
)

IS_SILENCED = text("SELECT 1 FROM silences WHERE team = :team AND rule_name = :rule AND until > UTC_TIMESTAMP() LIMIT 1")
