//! ETH/USD spot price used to annotate deposits for the support dashboard.

use std::time::Duration;

use serde::Deserialize;

const SPOT_URL: &str = "https://api.coinbase.com/v2/prices/ETH-USD/spot";

#[derive(Debug, Deserialize)]
struct SpotResponse {
    data: SpotData,
}

#[derive(Debug, Deserialize)]
struct SpotData {
    amount: String,
    currency: String,
}

/// Fetches the current spot price. Called for every committed chain segment.
pub async fn eth_usd_price() -> eyre::Result<f64> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .user_agent(concat!("bridge-exex-indexer/", env!("CARGO_PKG_VERSION")))
        .build()?;

    let spot: SpotResponse = client
        .get(SPOT_URL)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    if spot.data.currency != "USD" {
        eyre::bail!("unexpected quote currency {}", spot.data.currency);
    }
    parse_amount(&spot.data.amount)
}

fn parse_amount(raw: &str) -> eyre::Result<f64> {
    let value: f64 = raw.trim().parse()?;
    if !value.is_finite() || value <= 0.0 {
        eyre::bail!("implausible spot price {raw}");
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn parses_spot_amounts() {
        assert_eq!(parse_amount("3120.55").unwrap(), 3120.55);
        assert!(parse_amount("-1").is_err());
        assert!(parse_amount("abc").is_err());
    }
}
