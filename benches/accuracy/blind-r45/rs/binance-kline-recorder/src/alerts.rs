use std::env;
use std::time::Duration;

use binance::model::KlineEvent;
use serde_json::json;

const MOVE_THRESHOLD_PCT: f64 = 1.5;

/// Posts to the trading desk's Slack channel when a closed candle moved a lot.
pub fn check_move(k: &KlineEvent) {
    let open: f64 = k.kline.open.parse().unwrap_or(0.0);
    let close: f64 = k.kline.close.parse().unwrap_or(0.0);
    if open <= 0.0 {
        return;
    }
    let pct = (close - open) / open * 100.0;
    if pct.abs() < MOVE_THRESHOLD_PCT {
        return;
    }

    let webhook = match env::var("SLACK_WEBHOOK_URL") {
        Ok(url) => url,
        Err(_) => return,
    };

    let http = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            log::warn!("cannot build http client: {e}");
            return;
        }
    };

    let text = format!("{} moved {:+.2}% in one minute (close {})", k.symbol, pct, k.kline.close);
    if let Err(e) = http.post(&webhook).json(&json!({ "text": text })).send() {
        log::warn!("slack post failed: {e}");
    }
}
