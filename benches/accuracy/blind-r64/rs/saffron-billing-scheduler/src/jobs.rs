use std::sync::Arc;

use futures::future::BoxFuture;
use serde::Deserialize;
use serde_json::json;

use crate::Ctx;

pub type JobFn = fn(Arc<Ctx>) -> BoxFuture<'static, anyhow::Result<String>>;

pub fn expire_carts(ctx: Arc<Ctx>) -> BoxFuture<'static, anyhow::Result<String>> {
    Box::pin(async move {
        let client = ctx.pool.get().await?;
        let n = client
            .execute("UPDATE carts SET status = 'expired' WHERE status = 'open' AND updated_at < now() - interval '2 hours'", &[])
            .await?;
        Ok(format!("{n} carts expired"))
    })
}

#[derive(Deserialize)]
struct Rates {
    rates: std::collections::HashMap<String, f64>,
}

pub fn refresh_fx_rates(ctx: Arc<Ctx>) -> BoxFuture<'static, anyhow::Result<String>> {
    Box::pin(async move {
        let rates: Rates = ctx
            .http
            .get("https://api.frankfurter.app/latest?from=EUR")
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let mut client = ctx.pool.get().await?;
        let tx = client.transaction().await?;
        for (currency, rate) in &rates.rates {
            tx.execute(
                "INSERT INTO fx_rates (currency, eur_rate, fetched_at) VALUES ($1, $2, now()) \
                 ON CONFLICT (currency) DO UPDATE SET eur_rate = $2, fetched_at = now()",
                &[currency, rate],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(format!("{} rates stored", rates.rates.len()))
    })
}

pub fn issue_invoices(ctx: Arc<Ctx>) -> BoxFuture<'static, anyhow::Result<String>> {
    Box::pin(async move {
        let due: Vec<(i64, String)> = {
            let client = ctx.pool.get().await?;
            client
                .query("SELECT id, customer_id::text FROM subscriptions WHERE next_invoice_on <= current_date AND active", &[])
                .await?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect()
        };
        let mut issued = 0;
        for (subscription_id, customer_id) in due {
            let resp = ctx
                .http
                .post(format!("{}/v2/invoices", ctx.billing_api))
                .json(&json!({ "subscription_id": subscription_id, "customer_id": customer_id }))
                .send()
                .await?;
            if !resp.status().is_success() {
                continue;
            }
            let client = ctx.pool.get().await?;
            client
                .execute(
                    "UPDATE subscriptions SET next_invoice_on = next_invoice_on + billing_interval WHERE id = $1",
                    &[&subscription_id],
                )
                .await?;
            issued += 1;
        }
        Ok(format!("{issued} invoices issued"))
    })
}
