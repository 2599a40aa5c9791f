import os

DATABASE_URL = os.environ.get(
    "REPORTFS_DATABASE_URL", "postgresql+psycopg2://reportfs@warehouse.internal/finance"
)
MOUNT_UID = int(os.environ.get("REPORTFS_UID", os.getuid()))
MOUNT_GID = int(os.environ.get("REPORTFS_GID", os.getgid()))
