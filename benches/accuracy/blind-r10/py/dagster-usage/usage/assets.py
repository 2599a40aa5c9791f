from dagster import AssetExecutionContext, Config, MaterializeResult, asset

from .resources import WarehouseResource


class UsageConfig(Config):
    account_ids: list[str] = []


@asset(group_name="usage")
def raw_usage_events(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    rows = warehouse.fetch_all(
        "SELECT account_id, metric, sum(amount) AS amount FROM usage_events "
        "WHERE occurred_at > now() - interval '1 hour' GROUP BY account_id, metric"
    )
    context.log.info("aggregated %d usage rows", len(rows))
    written = warehouse.write_rows("usage_hourly", rows)
    return MaterializeResult(metadata={"rows": written})


@asset(group_name="usage", deps=[raw_usage_events])
def account_usage_summary(context: AssetExecutionContext, config: UsageConfig, warehouse: WarehouseResource) -> MaterializeResult:
    summaries = []
    for account_id in config.account_ids:
        summaries.extend(
            warehouse.fetch_all(
                "SELECT account_id, metric, sum(amount) AS amount FROM usage_hourly "
                "WHERE account_id = :account_id GROUP BY account_id, metric",
                account_id=account_id,
            )
        )
    warehouse.write_rows("usage_summary", summaries)
    return MaterializeResult(metadata={"accounts": len(config.account_ids)})
