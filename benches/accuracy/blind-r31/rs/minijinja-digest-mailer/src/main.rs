mod clients;
mod render;

use std::thread;
use std::time::Duration;

use minijinja::context;

struct Recipient {
    id: i64,
    email: String,
    first_name: String,
}

fn due_recipients(pool: &clients::PgPool) -> anyhow::Result<Vec<Recipient>> {
    let mut conn = pool.get()?;
    let rows = conn.query(
        "SELECT id, email, first_name FROM users
          WHERE digest_opt_in AND (last_digest_at IS NULL OR last_digest_at < now() - interval '7 days')
          LIMIT 200",
        &[],
    )?;
    Ok(rows.iter().map(|r| Recipient { id: r.get(0), email: r.get(1), first_name: r.get(2) }).collect())
}

fn mark_sent(pool: &clients::PgPool, user_id: i64) -> anyhow::Result<()> {
    pool.get()?
        .execute("UPDATE users SET last_digest_at = now() WHERE id = $1", &[&user_id])?;
    Ok(())
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = clients::pg_pool()?;
    let agent = clients::http_agent();
    let env = render::build_env(
        pool.clone(),
        agent.clone(),
        std::env::var("RECS_URL").unwrap_or_else(|_| "http://recs.internal".into()),
    )?;
    let mail_api = std::env::var("MAIL_API_URL")?;
    let mail_token = std::env::var("MAIL_API_TOKEN")?;

    loop {
        for user in due_recipients(&pool)? {
            let html = match env
                .get_template("digest.html")
                .and_then(|t| t.render(context! { user_id => user.id, first_name => &user.first_name }))
            {
                Ok(html) => html,
                Err(e) => {
                    log::error!("render failed for user {}: {e:#}", user.id);
                    continue;
                }
            };
            let sent = agent
                .post(&format!("{mail_api}/email"))
                .set("X-Server-Token", &mail_token)
                .send_json(serde_json::json!({
                    "To": user.email,
                    "Subject": "Your week at Pebble & Co",
                    "HtmlBody": html,
                }));
            match sent {
                Ok(_) => mark_sent(&pool, user.id)?,
                Err(e) => log::warn!("mail API rejected digest for {}: {e}", user.id),
            }
        }
        thread::sleep(Duration::from_secs(15 * 60));
    }
}
