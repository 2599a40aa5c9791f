use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use ssh_agent_lib::agent::Session;
use ssh_agent_lib::error::AgentError;
use ssh_agent_lib::proto::{Identity, SignRequest};
use ssh_key::public::KeyData;
use ssh_key::{Algorithm, PublicKey, Signature};

use crate::kms;

fn agent_err(e: impl std::fmt::Display) -> AgentError {
    AgentError::other(std::io::Error::other(e.to_string()))
}

/// One per accepted agent connection; lives until the ssh/git client hangs up
/// (for forwarded agents that is the whole interactive ssh session).
pub struct KmsSession {
    uid: u32,
    pool: PgPool,
    http: reqwest::Client,
    signer_url: String,
    conn: Option<PoolConnection<Postgres>>,
    keys: Vec<(KeyData, String)>,
}

impl KmsSession {
    pub fn new(uid: u32, pool: PgPool, http: reqwest::Client, signer_url: String) -> Self {
        KmsSession {
            uid,
            pool,
            http,
            signer_url,
            conn: None,
            keys: Vec::new(),
        }
    }

    /// ssh asks for identities and then for a signature, so keep the
    /// connection around for the rest of the session instead of re-acquiring.
    async fn conn(&mut self) -> Result<&mut PoolConnection<Postgres>, AgentError> {
        if self.conn.is_none() {
            let conn = self.pool.acquire().await.map_err(agent_err)?;
            self.conn = Some(conn);
        }
        Ok(self.conn.as_mut().expect("connection just stored"))
    }

    async fn load_keys(&mut self) -> Result<(), AgentError> {
        let uid = self.uid as i64;
        let conn = self.conn().await?;
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT key_id, public_key FROM agent_keys \
             WHERE owner_uid = $1 AND revoked_at IS NULL ORDER BY key_id",
        )
        .bind(uid)
        .fetch_all(&mut **conn)
        .await
        .map_err(agent_err)?;
        self.keys.clear();
        for (key_id, public_key) in rows {
            let key = PublicKey::from_openssh(&public_key).map_err(agent_err)?;
            self.keys.push((key.key_data().clone(), key_id));
        }
        Ok(())
    }
}

#[ssh_agent_lib::async_trait]
impl Session for KmsSession {
    async fn request_identities(&mut self) -> Result<Vec<Identity>, AgentError> {
        self.load_keys().await?;
        Ok(self
            .keys
            .iter()
            .map(|(pubkey, key_id)| Identity {
                pubkey: pubkey.clone(),
                comment: format!("kms:{}", key_id),
            })
            .collect())
    }

    async fn sign(&mut self, request: SignRequest) -> Result<Signature, AgentError> {
        if self.keys.is_empty() {
            self.load_keys().await?;
        }
        let key_id = self
            .keys
            .iter()
            .find(|(pubkey, _)| *pubkey == request.pubkey)
            .map(|(_, key_id)| key_id.clone())
            .ok_or_else(|| agent_err("key not held by this agent"))?;

        let (algorithm, raw) =
            kms::sign(&self.http, &self.signer_url, &key_id, &request.data, request.flags)
                .await
                .map_err(agent_err)?;

        let uid = self.uid as i64;
        let conn = self.conn().await?;
        sqlx::query(
            "INSERT INTO agent_signatures (owner_uid, key_id, signed_at) VALUES ($1, $2, now())",
        )
        .bind(uid)
        .bind(&key_id)
        .execute(&mut **conn)
        .await
        .map_err(agent_err)?;

        let algorithm = Algorithm::new(&algorithm).map_err(agent_err)?;
        Signature::new(algorithm, raw).map_err(agent_err)
    }
}
