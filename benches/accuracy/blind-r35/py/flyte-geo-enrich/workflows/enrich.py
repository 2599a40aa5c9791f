from flytekit import Resources, map_task, task, workflow

from workflows.clients import clickhouse, geocoder


@task(cache=True, cache_version="2")
def list_batches(day: str, batch_size: int) -> list[list[str]]:
    result = clickhouse().query(
        "SELECT address_id FROM raw_addresses WHERE toDate(ingested_at) = {day:String} "
        "AND address_id NOT IN (SELECT address_id FROM geocoded_addresses)",
        parameters={"day": day},
    )
    ids = [row[0] for row in result.result_rows]
    return [ids[i : i + batch_size] for i in range(0, len(ids), batch_size)]


@task(retries=2, requests=Resources(cpu="500m", mem="512Mi"))
def geocode_batch(address_ids: list[str]) -> int:
    client = geocoder()
    out = []
    for address_id in address_ids:
        resp = client.get("/v1/geocode", params={"address_id": address_id})
        if resp.status_code == 404:
            continue
        resp.raise_for_status()
        hit = resp.json()
        out.append([address_id, hit["lat"], hit["lon"], hit["confidence"]])
    if out:
        clickhouse().insert(
            "geocoded_addresses",
            out,
            column_names=["address_id", "lat", "lon", "confidence"],
        )
    return len(out)


@task
def summarize(counts: list[int]) -> int:
    total = sum(counts)
    print(f"geocoded {total} addresses in {len(counts)} batches")
    return total


@workflow
def enrich_addresses(day: str, batch_size: int = 500) -> int:
    batches = list_batches(day=day, batch_size=batch_size)
    counts = map_task(geocode_batch, concurrency=8)(address_ids=batches)
    return summarize(counts=counts)
