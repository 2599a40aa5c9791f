use canteen::{utils, Request, Response};
use serde::Serialize;

#[derive(Serialize)]
struct Coupon {
    code: String,
    campaign_id: i32,
    discount_pct: i32,
    remaining: i32,
}

fn json<T: Serialize>(status: u16, value: &T) -> Response {
    utils::make_response(serde_json::to_string(value).unwrap_or_default(), "application/json", status)
}

fn error(status: u16, msg: &str) -> Response {
    json(status, &serde_json::json!({ "error": msg }))
}

pub fn health(_req: &Request) -> Response {
    match crate::db::pool().get() {
        Ok(_) => utils::make_response("ok", "text/plain", 200),
        Err(_) => utils::make_response("db down", "text/plain", 503),
    }
}

pub fn get_coupon(req: &Request) -> Response {
    let code: String = req.get("code");
    let Ok(mut conn) = crate::db::pool().get() else { return error(503, "database busy") };
    match conn.query_opt(
        "SELECT code, campaign_id, discount_pct, max_uses - uses FROM coupons WHERE code = $1",
        &[&code],
    ) {
        Ok(Some(row)) => json(200, &Coupon {
            code: row.get(0),
            campaign_id: row.get(1),
            discount_pct: row.get(2),
            remaining: row.get(3),
        }),
        Ok(None) => error(404, "unknown coupon"),
        Err(e) => error(500, &e.to_string()),
    }
}

pub fn redeem(req: &Request) -> Response {
    let code: String = req.get("code");
    let member: i32 = req.get("member");
    let Ok(mut conn) = crate::db::pool().get() else { return error(503, "database busy") };
    let result = conn.transaction().and_then(|mut tx| {
        let row = tx.query_opt("SELECT max_uses - uses, discount_pct FROM coupons WHERE code = $1 FOR UPDATE", &[&code])?;
        let Some(row) = row else { return Ok(None) };
        if row.get::<_, i32>(0) <= 0 {
            return Ok(Some(0));
        }
        tx.execute("UPDATE coupons SET uses = uses + 1 WHERE code = $1", &[&code])?;
        tx.execute("INSERT INTO redemptions (code, member_id) VALUES ($1, $2)", &[&code, &member])?;
        tx.commit()?;
        Ok(Some(row.get::<_, i32>(1)))
    });
    match result {
        Ok(None) => error(404, "unknown coupon"),
        Ok(Some(0)) => error(409, "coupon exhausted"),
        Ok(Some(pct)) => {
            let base = std::env::var("LOYALTY_URL").unwrap_or_else(|_| "http://loyalty.internal".into());
            let _ = crate::db::loyalty()
                .post(format!("{base}/members/{member}/events"))
                .json(&serde_json::json!({ "type": "coupon_redeemed", "code": code, "discount_pct": pct }))
                .send();
            json(200, &serde_json::json!({ "code": code, "member": member, "discount_pct": pct }))
        }
        Err(e) => error(500, &e.to_string()),
    }
}

pub fn campaign_stats(req: &Request) -> Response {
    let id: i32 = req.get("id");
    let Ok(mut conn) = crate::db::pool().get() else { return error(503, "database busy") };
    match conn.query_one(
        "SELECT count(*)::INT, count(DISTINCT r.member_id)::INT FROM redemptions r
         JOIN coupons c ON c.code = r.code WHERE c.campaign_id = $1",
        &[&id],
    ) {
        Ok(row) => json(200, &serde_json::json!({
            "campaign_id": id,
            "redemptions": row.get::<_, i32>(0),
            "members": row.get::<_, i32>(1),
        })),
        Err(e) => error(500, &e.to_string()),
    }
}
