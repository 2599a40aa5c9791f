use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::Pool;

use crate::acme::triage::host::Host;

/// Per-ticket store data. The pool and the agent are clones of the ones built in main.
pub struct HostState {
    pub db: Pool,
    pub http: ureq::Agent,
    pub translate_url: String,
}

impl Host for HostState {
    fn customer_tier(&mut self, customer_id: String) -> String {
        let tier: Option<String> = self
            .db
            .get_conn()
            .and_then(|mut conn| conn.exec_first("SELECT tier FROM customers WHERE id = ?", (customer_id,)))
            .unwrap_or_else(|e| {
                log::warn!("tier lookup failed: {e}");
                None
            });
        tier.unwrap_or_else(|| "standard".to_string())
    }

    fn similar_open_tickets(&mut self, subject: String) -> u32 {
        let n: Option<u32> = self
            .db
            .get_conn()
            .and_then(|mut conn| {
                conn.exec_first(
                    "SELECT COUNT(*) FROM tickets WHERE status = 'open' \
                     AND MATCH(subject) AGAINST (? IN NATURAL LANGUAGE MODE)",
                    (subject,),
                )
            })
            .unwrap_or(None);
        n.unwrap_or(0)
    }

    fn translate(&mut self, text: String, target_lang: String) -> Result<String, String> {
        let resp: serde_json::Value = self
            .http
            .post(&self.translate_url)
            .timeout(Duration::from_secs(4))
            .send_json(serde_json::json!({ "q": text, "target": target_lang }))
            .map_err(|e| e.to_string())?
            .into_json()
            .map_err(|e| e.to_string())?;
        resp["translatedText"].as_str().map(str::to_string).ok_or_else(|| "no translation".into())
    }
}
