import kopf

import clients

GROUP, VERSION, PLURAL = "example.com", "v1", "tenants"


@kopf.on.create(GROUP, VERSION, PLURAL)
def create_tenant(spec, name, memo: kopf.Memo, logger, **_):
    plan = spec.get("plan", "starter")
    with memo.pg_pool.connection() as conn:
        conn.execute(
            "INSERT INTO tenants (slug, plan) VALUES (%s, %s) ON CONFLICT (slug) DO NOTHING",
            (name, plan),
        )
        conn.execute(f'CREATE SCHEMA IF NOT EXISTS "t_{name}"')

    s3 = clients.make_s3()
    s3.create_bucket(
        Bucket=f"tenant-{name}-uploads",
        CreateBucketConfiguration={"LocationConstraint": clients.REGION},
    )
    logger.info("tenant %s provisioned on plan %s", name, plan)
    return {"bucket": f"tenant-{name}-uploads", "schema": f"t_{name}"}


@kopf.on.update(GROUP, VERSION, PLURAL, field="spec.plan")
def change_plan(old, new, name, memo: kopf.Memo, **_):
    conn = memo.pg_pool.getconn()
    with conn.cursor() as cur:
        cur.execute("UPDATE tenants SET plan = %s WHERE slug = %s AND deleted_at IS NULL", (new, name))
        if cur.rowcount == 0:
            raise kopf.PermanentError(f"tenant {name} not found in control database")
    conn.commit()
    memo.pg_pool.putconn(conn)
    return {"plan": new, "previous": old}


@kopf.on.delete(GROUP, VERSION, PLURAL)
def delete_tenant(name, memo: kopf.Memo, logger, **_):
    s3 = clients.shared_s3()
    listing = s3.list_objects_v2(Bucket=f"tenant-{name}-uploads")
    for obj in listing.get("Contents", []):
        s3.delete_object(Bucket=f"tenant-{name}-uploads", Key=obj["Key"])
    s3.delete_bucket(Bucket=f"tenant-{name}-uploads")
    with memo.pg_pool.connection() as conn:
        conn.execute("UPDATE tenants SET deleted_at = now() WHERE slug = %s", (name,))
    logger.info("tenant %s removed", name)
