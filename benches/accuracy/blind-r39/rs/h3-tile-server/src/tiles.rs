use std::sync::Arc;

use bytes::{Buf, Bytes};
use h3::quic::BidiStream;
use h3::server::RequestStream;
use http::{Request, Response, StatusCode};

use crate::state::AppState;

fn parse_path(path: &str) -> Option<(i32, i32, i32)> {
    let mut it = path.trim_start_matches("/tiles/").trim_end_matches(".mvt").split('/');
    let z = it.next()?.parse().ok()?;
    let x = it.next()?.parse().ok()?;
    let y = it.next()?.parse().ok()?;
    Some((z, x, y))
}

/// Runs once per HTTP/3 request.
pub async fn handle<T>(
    req: Request<()>,
    mut stream: RequestStream<T, Bytes>,
    state: Arc<AppState>,
) -> anyhow::Result<()>
where
    T: BidiStream<Bytes>,
{
    let Some((z, x, y)) = parse_path(req.uri().path()) else {
        let resp = Response::builder().status(StatusCode::NOT_FOUND).body(())?;
        stream.send_response(resp).await?;
        stream.finish().await?;
        return Ok(());
    };

    let tile: Option<Vec<u8>> = sqlx::query_scalar(
        "SELECT ST_AsMVT(q, 'roads') FROM ( \
           SELECT id, kind, ST_AsMVTGeom(geom, ST_TileEnvelope($1, $2, $3)) AS geom \
           FROM roads WHERE geom && ST_TileEnvelope($1, $2, $3) \
         ) q",
    )
    .bind(z)
    .bind(x)
    .bind(y)
    .fetch_one(&state.pool)
    .await?;

    let body = match tile {
        Some(bytes) if !bytes.is_empty() => Bytes::from(bytes),
        _ => {
            state
                .upstream
                .get(format!("{}/{z}/{x}/{y}.mvt", state.upstream_base))
                .send()
                .await?
                .bytes()
                .await?
        }
    };

    let resp = Response::builder()
        .status(StatusCode::OK)
        .header("content-type", "application/vnd.mapbox-vector-tile")
        .header("cache-control", "public, max-age=3600")
        .body(())?;
    stream.send_response(resp).await?;
    stream.send_data(body).await?;
    stream.finish().await?;

    // drain anything the client sent (tiles are GET only)
    while let Some(mut chunk) = stream.recv_data().await? {
        chunk.advance(chunk.remaining());
    }
    Ok(())
}
