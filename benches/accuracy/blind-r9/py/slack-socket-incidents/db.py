import os

from psycopg_pool import ConnectionPool

# Sized for the incident storm on Black Friday; every slash command can hit the DB.
pool = ConnectionPool(os.environ["DATABASE_URL"], min_size=4, max_size=80, open=True)
