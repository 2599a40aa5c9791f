use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use redis::aio::MultiplexedConnection;
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use socketioxide::extract::{AckSender, Data, Extension, SocketRef, State};
use socketioxide::socket::Sid;
use sqlx::{Postgres, Transaction};

use crate::AppState;

/// Jobs a driver has claimed but not yet confirmed; the row stays locked until then.
static CLAIMS: LazyLock<Mutex<HashMap<Sid, Transaction<'static, Postgres>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[derive(Clone)]
struct Driver {
    id: i64,
}

#[derive(Deserialize)]
struct Location {
    lat: f64,
    lng: f64,
}

#[derive(Deserialize)]
struct Claim {
    job_id: i64,
}

#[derive(Deserialize)]
struct EtaQuery {
    job_id: i64,
    lat: f64,
    lng: f64,
}

#[derive(Serialize, Deserialize)]
struct Eta {
    seconds: u32,
}

pub async fn on_connect(s: SocketRef, State(state): State<AppState>) {
    let driver_id = s
        .req_parts()
        .uri
        .query()
        .and_then(|q| q.strip_prefix("driver="))
        .and_then(|v| v.parse::<i64>().ok());
    let Some(driver_id) = driver_id else {
        s.disconnect().ok();
        return;
    };

    let Ok(client) = redis::Client::open(state.redis_url.as_str()) else { return };
    let Ok(live) = client.get_multiplexed_async_connection().await else {
        s.disconnect().ok();
        return;
    };
    s.extensions.insert(live);
    s.extensions.insert(Driver { id: driver_id });
    s.join(format!("driver:{driver_id}")).ok();

    s.on("location", on_location);
    s.on("claim", on_claim);
    s.on("confirm", on_confirm);
    s.on("eta", on_eta);
    s.on_disconnect(
        |Extension(driver): Extension<Driver>, Extension(mut live): Extension<MultiplexedConnection>| async move {
            let _: redis::RedisResult<()> = live.hdel("drivers:live", driver.id).await;
        },
    );
}

async fn on_location(
    Data(loc): Data<Location>,
    Extension(driver): Extension<Driver>,
    Extension(mut live): Extension<MultiplexedConnection>,
    State(state): State<AppState>,
) {
    let _: redis::RedisResult<()> = live
        .hset("drivers:live", driver.id, format!("{},{}", loc.lat, loc.lng))
        .await;
    let _ = sqlx::query("INSERT INTO driver_pings (driver_id, lat, lng, at) VALUES ($1, $2, $3, now())")
        .bind(driver.id)
        .bind(loc.lat)
        .bind(loc.lng)
        .execute(&state.pg)
        .await;
}

async fn on_claim(s: SocketRef, Data(claim): Data<Claim>, State(state): State<AppState>, ack: AckSender) {
    let mut tx = match state.pg.begin().await {
        Ok(tx) => tx,
        Err(e) => {
            ack.send(&format!("error: {e}")).ok();
            return;
        }
    };
    let row: Result<Option<(String,)>, sqlx::Error> = sqlx::query_as(
        "SELECT pickup_address FROM jobs WHERE id = $1 AND status = 'open' FOR UPDATE SKIP LOCKED",
    )
    .bind(claim.job_id)
    .fetch_optional(&mut *tx)
    .await;

    match row {
        Ok(Some((pickup,))) => {
            CLAIMS.lock().unwrap().insert(s.id, tx);
            ack.send(&pickup).ok();
        }
        _ => {
            ack.send("unavailable").ok();
        }
    }
}

async fn on_confirm(s: SocketRef, Data(claim): Data<Claim>, Extension(driver): Extension<Driver>, ack: AckSender) {
    let Some(mut tx) = CLAIMS.lock().unwrap().remove(&s.id) else {
        ack.send("no open claim").ok();
        return;
    };
    let res = sqlx::query("UPDATE jobs SET status = 'assigned', driver_id = $2 WHERE id = $1")
        .bind(claim.job_id)
        .bind(driver.id)
        .execute(&mut *tx)
        .await;
    if res.is_ok() && tx.commit().await.is_ok() {
        s.within(format!("driver:{}", driver.id)).emit("assigned", &claim.job_id).ok();
        ack.send("confirmed").ok();
    } else {
        ack.send("failed").ok();
    }
}

async fn on_eta(Data(q): Data<EtaQuery>, State(state): State<AppState>, ack: AckSender) {
    let http = reqwest::Client::new();
    let res = http
        .get(format!("{}/eta", state.routing_url))
        .query(&[("job", q.job_id.to_string()), ("lat", q.lat.to_string()), ("lng", q.lng.to_string())])
        .send()
        .await;
    let eta = match res {
        Ok(r) => r.json::<Eta>().await.ok(),
        Err(_) => None,
    };
    ack.send(&eta).ok();
}
