use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_dynamodb::Client;
use isahc::AsyncReadResponseExt;

use crate::clients;

fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

pub async fn rollup_orders(ddb: Client) -> anyhow::Result<()> {
    let day = today();
    let out = ddb
        .query()
        .table_name("orders")
        .key_condition_expression("pk = :d")
        .expression_attribute_values(":d", AttributeValue::S(format!("DAY#{day}")))
        .send()
        .await?;

    let total: f64 = out
        .items()
        .iter()
        .filter_map(|item| item.get("amount")?.as_n().ok()?.parse::<f64>().ok())
        .sum();

    ddb.put_item()
        .table_name("daily_rollups")
        .item("pk", AttributeValue::S(format!("ROLLUP#{day}")))
        .item("total", AttributeValue::N(format!("{total:.2}")))
        .item("orders", AttributeValue::N(out.count().to_string()))
        .send()
        .await?;
    Ok(())
}

pub async fn post_summary(ddb: Client, webhook: String) -> anyhow::Result<()> {
    let out = ddb
        .get_item()
        .table_name("daily_rollups")
        .key("pk", AttributeValue::S(format!("ROLLUP#{}", today())))
        .send()
        .await?;
    let total = out
        .item()
        .and_then(|i| i.get("total"))
        .and_then(|v| v.as_n().ok())
        .cloned()
        .unwrap_or_else(|| "0".into());

    let body = serde_json::json!({ "text": format!("Orders today: {total} EUR") }).to_string();
    let mut resp = clients::http().post_async(webhook, body).await?;
    if !resp.status().is_success() {
        anyhow::bail!("webhook returned {}: {}", resp.status(), resp.text().await?);
    }
    Ok(())
}
