//! Host functions exposed to rule scripts. Registered on each new Koto
//! instance; the closures capture clones of the shared Services.

use crate::services::Services;
use koto::prelude::*;

fn runtime_err(e: impl std::fmt::Display) -> koto::Error {
    koto::Error::from(e.to_string())
}

pub fn register(koto: &Koto, services: &Services) {
    let prelude = koto.prelude();

    let pg = services.pg.clone();
    prelude.add_fn("lookup_owner", move |ctx| match ctx.args() {
        [KValue::Str(service)] => {
            let mut conn = pg.get().map_err(runtime_err)?;
            let row = conn
                .query_opt("SELECT team, webhook_url FROM service_owners WHERE service = $1", &[&service.as_str()])
                .map_err(runtime_err)?;
            Ok(match row {
                Some(row) => {
                    let owner = KMap::new();
                    owner.insert("team", row.get::<_, String>(0));
                    owner.insert("webhook", row.get::<_, String>(1));
                    owner.into()
                }
                None => KValue::Null,
            })
        }
        unexpected => unexpected_args("|String|", unexpected),
    });

    let redis_pool = services.redis.clone();
    prelude.add_fn("incr", move |ctx| match ctx.args() {
        [KValue::Str(key)] => {
            let mut conn = redis_pool.get().map_err(runtime_err)?;
            let (count,): (i64,) = redis::pipe()
                .atomic()
                .incr(key.as_str(), 1)
                .expire(key.as_str(), 600)
                .ignore()
                .query(&mut *conn)
                .map_err(runtime_err)?;
            Ok(KValue::Number(count.into()))
        }
        unexpected => unexpected_args("|String|", unexpected),
    });

    let http = services.http.clone();
    prelude.add_fn("post_webhook", move |ctx| match ctx.args() {
        [KValue::Str(url), KValue::Str(text)] => {
            http.post(url.as_str())
                .json(&serde_json::json!({ "text": text.as_str() }))
                .send()
                .and_then(|r| r.error_for_status())
                .map_err(runtime_err)?;
            Ok(KValue::Null)
        }
        unexpected => unexpected_args("|String, String|", unexpected),
    });
}
