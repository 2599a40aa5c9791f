use moonlight::*;

pub type LotId = i64;

#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(crate = "serde")]
pub struct Bid {
    pub lot_id: LotId,
    pub bidder: String,
    pub amount_cents: i64,
    pub currency: String,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(crate = "serde")]
pub struct BidRow {
    pub bidder: String,
    pub amount_eur_cents: i64,
    pub placed_at: String,
}

// ------ UpMsg ------

#[derive(Serialize, Deserialize, Debug)]
#[serde(crate = "serde")]
pub enum UpMsg {
    PlaceBid(Bid),
    LotHistory(LotId),
    Ping,
}

// ------ DownMsg ------

#[derive(Serialize, Deserialize, Debug)]
#[serde(crate = "serde")]
pub enum DownMsg {
    BidAccepted { lot_id: LotId, amount_eur_cents: i64 },
    BidRejected { lot_id: LotId, reason: String },
    NewHighBid { lot_id: LotId, amount_eur_cents: i64 },
    History { lot_id: LotId, bids: Vec<BidRow> },
    Pong,
}
