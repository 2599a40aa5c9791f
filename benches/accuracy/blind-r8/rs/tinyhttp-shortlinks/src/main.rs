mod preview;
mod store;

use std::io::{Cursor, Read};

use redis::Commands;
use serde::Deserialize;
use tiny_http::{Header, Method, Request, Response, Server};

use store::PgPool;

#[derive(Deserialize)]
struct Shorten {
    url: String,
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let pool = store::pg_pool()?;
    let server = Server::http("0.0.0.0:8080").map_err(|e| anyhow::anyhow!(e))?;
    log::info!("listening on :8080");

    for mut request in server.incoming_requests() {
        let response = match route(&mut request, &pool) {
            Ok(resp) => resp,
            Err(err) => {
                log::error!("{} {}: {err:#}", request.method(), request.url());
                Response::from_string("internal error").with_status_code(500)
            }
        };
        if let Err(err) = request.respond(response) {
            log::warn!("client went away: {err}");
        }
    }
    Ok(())
}

fn route(request: &mut Request, pool: &PgPool) -> anyhow::Result<Response<Cursor<Vec<u8>>>> {
    let method = request.method().clone();
    let path = request.url().to_owned();
    match (method, path.as_str()) {
        (Method::Post, "/shorten") => {
            let mut body = String::new();
            request.as_reader().read_to_string(&mut body)?;
            let input: Shorten = serde_json::from_str(&body)?;

            let code = nanoid::nanoid!(7);
            let title = preview::fetch_title(&input.url);
            let mut db = pool.get()?;
            db.execute(
                "INSERT INTO links (code, target, title) VALUES ($1, $2, $3)",
                &[&code, &input.url, &title],
            )?;
            Ok(Response::from_string(format!("{{\"code\":\"{code}\"}}")).with_status_code(201))
        }
        (Method::Get, p) if p.starts_with("/s/") => {
            let code = &p[3..];
            let mut cache = store::redis_conn()?;
            let target: Option<String> = cache.get(format!("link:{code}"))?;
            let target = match target {
                Some(t) => t,
                None => {
                    let mut db = pool.get()?;
                    let Some(row) = db.query_opt("SELECT target FROM links WHERE code = $1", &[&code])? else {
                        return Ok(Response::from_string("not found").with_status_code(404));
                    };
                    let t: String = row.get(0);
                    let _: () = cache.set_ex(format!("link:{code}"), &t, 3600)?;
                    t
                }
            };
            let _: i64 = cache.incr(format!("hits:{code}"), 1)?;
            let location = Header::from_bytes(&b"Location"[..], target.as_bytes())
                .map_err(|_| anyhow::anyhow!("bad target"))?;
            Ok(Response::from_string("").with_status_code(302).with_header(location))
        }
        _ => Ok(Response::from_string("not found").with_status_code(404)),
    }
}
