import os

ZK_HOSTS = os.environ.get("ZK_HOSTS", "zk-0:2181,zk-1:2181,zk-2:2181")
FLAGS_ROOT = os.environ.get("FLAGS_ROOT", "/flags/tenants")
MSSQL_URL = os.environ.get(
    "MSSQL_URL", "mssql+pymssql://flagsync:flagsync@sql-flags:1433/Flags"
)
VAULT_ADDR = os.environ.get("VAULT_ADDR", "https://vault.internal:8200")
VAULT_MOUNT = os.environ.get("VAULT_MOUNT", "flags")
