//! Subscribes to LND's invoice stream and grants article access once the
//! reader's invoice settles. The memo carries `article:<slug>:<reader-id>`.

use std::time::Duration;

use tonic_lnd::lnrpc::invoice::InvoiceState;
use tonic_lnd::lnrpc::InvoiceSubscription;

mod db;

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let address = env_or("LND_GRPC_URL", "https://lnd.internal:10009");
    let cert = env_or("LND_TLS_CERT", "/var/lib/lnd/tls.cert");
    let macaroon = env_or("LND_MACAROON", "/var/lib/lnd/invoice.macaroon");
    let cms_hook = env_or("CMS_REVALIDATE_URL", "http://cms.internal/api/revalidate");

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let resume_from = {
        let boot = db::make_pool()?;
        let client = boot.get().await?;
        db::last_settle_index(&client).await?
    };
    tracing::info!(resume_from, "subscribing to invoices");

    let mut lnd = tonic_lnd::connect(address, cert, macaroon).await?;
    let mut invoices = lnd
        .lightning()
        .subscribe_invoices(InvoiceSubscription {
            add_index: 0,
            settle_index: resume_from,
        })
        .await?
        .into_inner();

    while let Some(invoice) = invoices.message().await? {
        if invoice.state != InvoiceState::Settled as i32 {
            continue;
        }
        let Some((slug, reader)) = parse_memo(&invoice.memo) else {
            tracing::debug!(memo = %invoice.memo, "settled invoice is not a paywall invoice");
            continue;
        };

        let pool = db::make_pool()?;
        let client = pool.get().await?;
        db::grant_access(
            &client,
            slug,
            reader,
            &hex::encode(&invoice.r_hash),
            invoice.amt_paid_sat,
            invoice.settle_index,
        )
        .await?;

        let res = http
            .post(&cms_hook)
            .json(&serde_json::json!({ "slug": slug, "reader": reader }))
            .send()
            .await;
        if let Err(e) = res {
            tracing::warn!(slug, "cms revalidate failed: {e}");
        }
    }
    anyhow::bail!("LND closed the invoice subscription")
}

fn parse_memo(memo: &str) -> Option<(&str, &str)> {
    let rest = memo.strip_prefix("article:")?;
    rest.split_once(':')
}
