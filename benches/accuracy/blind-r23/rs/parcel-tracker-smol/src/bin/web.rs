use http_types::{Method, Request, Response, StatusCode};
use parcel_tracker::{db, model::Parcel, model::ScanEvent};
use smol::net::TcpListener;
use sqlx::PgPool;

async fn get_parcel(pool: &PgPool, code: &str) -> http_types::Result<Response> {
    let parcel: Option<Parcel> =
        sqlx::query_as("SELECT code, status, carrier, eta FROM parcels WHERE code = $1")
            .bind(code)
            .fetch_optional(pool)
            .await?;
    let Some(parcel) = parcel else {
        return Ok(Response::new(StatusCode::NotFound));
    };
    let mut res = Response::new(StatusCode::Ok);
    res.set_body(http_types::Body::from_json(&parcel)?);
    Ok(res)
}

async fn add_scan(pool: &PgPool, code: &str, mut req: Request) -> http_types::Result<Response> {
    let event: ScanEvent = req.body_json().await?;

    let mut tx = pool.begin().await?;
    let updated = sqlx::query("UPDATE parcels SET status = $2, updated_at = now() WHERE code = $1")
        .bind(code)
        .bind(&event.status)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if updated == 0 {
        tx.rollback().await?;
        return Ok(Response::new(StatusCode::NotFound));
    }
    sqlx::query("INSERT INTO scan_events (parcel_code, status, location) VALUES ($1, $2, $3)")
        .bind(code)
        .bind(&event.status)
        .bind(&event.location)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;

    Ok(Response::new(StatusCode::Accepted))
}

async fn route(req: Request, pool: PgPool) -> http_types::Result<Response> {
    let path = req.url().path().to_owned();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (req.method(), segments.as_slice()) {
        (Method::Get, ["parcels", code]) => get_parcel(&pool, code).await,
        (Method::Post, ["parcels", code, "scans"]) => add_scan(&pool, code, req).await,
        (Method::Get, ["healthz"]) => Ok(Response::new(StatusCode::Ok)),
        _ => Ok(Response::new(StatusCode::NotFound)),
    }
}

fn main() -> anyhow::Result<()> {
    smol::block_on(async {
        let pool = db::make_pool("web").await?;
        let addr = std::env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".into());
        let listener = TcpListener::bind(&addr).await?;
        eprintln!("[web] listening on {addr}");

        loop {
            let (stream, peer) = listener.accept().await?;
            let pool = pool.clone();
            smol::spawn(async move {
                let served = async_h1::accept(stream, |req| route(req, pool.clone())).await;
                if let Err(e) = served {
                    eprintln!("[web] {peer}: {e}");
                }
            })
            .detach();
        }
    })
}
