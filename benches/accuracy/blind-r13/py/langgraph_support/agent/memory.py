"""Conversation checkpoints for the graph, stored in the support database."""
import os

from langgraph.checkpoint.postgres import PostgresSaver
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

checkpoint_pool = ConnectionPool(
    conninfo=os.environ.get("SUPPORT_DB_URL", "postgresql://support:support@db.internal:5432/support"),
    max_size=8,
    kwargs={"autocommit": True, "row_factory": dict_row},
)

checkpointer = PostgresSaver(checkpoint_pool)
checkpointer.setup()
