use fang::asynk::async_queue::AsyncQueueable;
use fang::serde::{Deserialize, Serialize};
use fang::typetag;
use fang::{async_trait, AsyncRunnable, FangError, Scheduled};
use lettre::{AsyncTransport, Message};

use crate::shared::{app_db, HTTP, MAILER};

fn fang_err(e: impl std::fmt::Display) -> FangError {
    FangError { description: e.to_string() }
}

/// Daily at 07:00 UTC: enqueue one SendDigest per opted-in user.
#[derive(Serialize, Deserialize)]
#[serde(crate = "fang::serde")]
pub struct PlanDigests {}

#[typetag::serde]
#[async_trait]
impl AsyncRunnable for PlanDigests {
    async fn run(&self, queue: &mut dyn AsyncQueueable) -> Result<(), FangError> {
        let db = app_db().await.map_err(fang_err)?;
        let user_ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM users WHERE digest_opt_in")
            .fetch_all(db)
            .await
            .map_err(fang_err)?;
        for user_id in user_ids {
            queue
                .insert_task(&SendDigest { user_id } as &dyn AsyncRunnable)
                .await
                .map_err(fang_err)?;
        }
        Ok(())
    }

    fn cron(&self) -> Option<Scheduled> {
        Some(Scheduled::CronPattern("0 0 7 * * * *".to_owned()))
    }

    fn uniq(&self) -> bool {
        true
    }
}

#[derive(Serialize, Deserialize)]
#[serde(crate = "fang::serde")]
pub struct SendDigest {
    pub user_id: i64,
}

#[derive(Deserialize)]
#[serde(crate = "fang::serde")]
struct DigestBody {
    subject: String,
    text: String,
}

#[typetag::serde]
#[async_trait]
impl AsyncRunnable for SendDigest {
    async fn run(&self, _queue: &mut dyn AsyncQueueable) -> Result<(), FangError> {
        let db = app_db().await.map_err(fang_err)?;
        let email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
            .bind(self.user_id)
            .fetch_one(db)
            .await
            .map_err(fang_err)?;

        let render_url = std::env::var("DIGEST_RENDERER").unwrap_or_else(|_| "http://renderer:8080".to_owned());
        let body: DigestBody = HTTP
            .get(format!("{render_url}/digest/{}", self.user_id))
            .send()
            .await
            .map_err(fang_err)?
            .error_for_status()
            .map_err(fang_err)?
            .json()
            .await
            .map_err(fang_err)?;

        let message = Message::builder()
            .from("Digest <digest@example.com>".parse().map_err(fang_err)?)
            .to(email.parse().map_err(fang_err)?)
            .subject(body.subject)
            .body(body.text)
            .map_err(fang_err)?;
        MAILER.send(message).await.map_err(fang_err)?;

        sqlx::query("UPDATE users SET last_digest_at = now() WHERE id = $1")
            .bind(self.user_id)
            .execute(db)
            .await
            .map_err(fang_err)?;
        Ok(())
    }

    fn max_retries(&self) -> i32 {
        5
    }
}
