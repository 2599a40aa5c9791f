use moon::*;
use shared::{Bid, DownMsg, LotId, UpMsg};
use std::sync::LazyLock;
use std::time::Duration;

mod db;

// Used for the outbound "you have been outbid" webhook; shared by all sessions.
static NOTIFIER: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
        .expect("notifier http client")
});

#[derive(serde::Deserialize)]
struct FxQuote {
    rate: f64,
}

async fn frontend() -> Frontend {
    Frontend::new()
        .title("Lot 42 — live auction")
        .append_to_head(r#"<link rel="stylesheet" href="/_api/public/auction.css">"#)
}

async fn up_msg_handler(req: UpMsgRequest<UpMsg>) {
    let UpMsgRequest {
        up_msg,
        session_id,
        cor_id,
        ..
    } = req;

    let reply = match up_msg {
        UpMsg::PlaceBid(bid) => match place_bid(bid).await {
            Ok(msg) => msg,
            Err(err) => {
                eprintln!("place_bid failed: {err:#}");
                return;
            }
        },
        UpMsg::LotHistory(lot_id) => match lot_history(lot_id).await {
            Ok(msg) => msg,
            Err(err) => {
                eprintln!("lot_history failed: {err:#}");
                return;
            }
        },
        UpMsg::Ping => DownMsg::Pong,
    };

    if let Some(session) = sessions::by_session_id().wait_for(session_id).await {
        session.send_down_msg(&reply, cor_id).await;
    }
}

async fn to_eur_cents(amount_cents: i64, currency: &str) -> anyhow::Result<i64> {
    if currency == "EUR" {
        return Ok(amount_cents);
    }
    let fx = reqwest::Client::new();
    let quote: FxQuote = fx
        .get(format!("https://fx.internal.example/v1/latest/{currency}/EUR"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok((amount_cents as f64 * quote.rate).round() as i64)
}

async fn place_bid(bid: Bid) -> anyhow::Result<DownMsg> {
    let pool = db::connect().await?;
    let amount = to_eur_cents(bid.amount_cents, &bid.currency).await?;

    let previous = db::current_high_bid(&pool, bid.lot_id).await?;
    if previous.is_some_and(|high| amount <= high) {
        return Ok(DownMsg::BidRejected {
            lot_id: bid.lot_id,
            reason: "bid must exceed the current high bid".into(),
        });
    }
    db::insert_bid(&pool, bid.lot_id, &bid.bidder, amount).await?;

    if previous.is_some() {
        let _ = NOTIFIER
            .post("https://hooks.internal.example/outbid")
            .json(&outbid_payload(bid.lot_id, amount))
            .send()
            .await;
    }
    sessions::broadcast_down_msg(
        &DownMsg::NewHighBid {
            lot_id: bid.lot_id,
            amount_eur_cents: amount,
        },
        CorId::new(),
    )
    .await;

    Ok(DownMsg::BidAccepted {
        lot_id: bid.lot_id,
        amount_eur_cents: amount,
    })
}

async fn lot_history(lot_id: LotId) -> anyhow::Result<DownMsg> {
    let pool = db::connect().await?;
    let bids = db::history(&pool, lot_id).await?;
    Ok(DownMsg::History { lot_id, bids })
}

fn outbid_payload(lot_id: LotId, amount: i64) -> std::collections::HashMap<&'static str, i64> {
    std::collections::HashMap::from([("lot_id", lot_id), ("amount_eur_cents", amount)])
}

#[moon::main]
async fn main() -> std::io::Result<()> {
    start(frontend, up_msg_handler, |_| {}).await
}
