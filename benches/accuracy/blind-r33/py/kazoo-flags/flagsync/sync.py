import json
import logging
import os

import hvac
from sqlalchemy import create_engine, text

from flagsync import settings

log = logging.getLogger(__name__)

# One engine for the process; its pool is shared by every watch callback.
engine = create_engine(settings.MSSQL_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)

UPSERT = text(
    """
    MERGE dbo.tenant_flags AS t
    USING (SELECT :tenant AS tenant, :flag AS flag) AS s
       ON t.tenant = s.tenant AND t.flag = s.flag
    WHEN MATCHED THEN UPDATE SET value = :value, zk_version = :version
    WHEN NOT MATCHED THEN INSERT (tenant, flag, value, zk_version)
         VALUES (:tenant, :flag, :value, :version);
    """
)


def _read_signing_key(ref):
    vault = hvac.Client(url=settings.VAULT_ADDR, token=os.environ["VAULT_TOKEN"], timeout=5)
    secret = vault.secrets.kv.v2.read_secret_version(
        path=ref, mount_point=settings.VAULT_MOUNT, raise_on_deleted_version=True
    )
    return secret["data"]["data"]["key"]


def apply_flags(tenant, raw, version):
    flags = json.loads(raw.decode("utf-8"))
    signing_ref = flags.pop("signing_key_ref", None)
    if signing_ref:
        flags["signing_key"] = _read_signing_key(signing_ref)

    conn = engine.connect()
    for flag, value in flags.items():
        conn.execute(
            UPSERT,
            {"tenant": tenant, "flag": flag, "value": json.dumps(value), "version": version},
        )
    conn.commit()
    log.info("synced %d flags for %s", len(flags), tenant)


def drop_tenant(tenant):
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM dbo.tenant_flags WHERE tenant = :t"), {"t": tenant})
    log.info("removed flags for %s", tenant)
