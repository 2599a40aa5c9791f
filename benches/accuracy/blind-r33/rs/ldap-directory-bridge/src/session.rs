use std::{net::SocketAddr, sync::Arc};

use deadpool_postgres::Pool;
use ldap3_proto::simple::*;
use redis::AsyncCommands;

use crate::directory;

pub struct Shared {
    pub pool: Pool,
    pub base_dn: String,
}

pub struct LdapSession {
    shared: Arc<Shared>,
    peer: SocketAddr,
    dn: String,
}

impl LdapSession {
    pub fn new(shared: Arc<Shared>, peer: SocketAddr) -> Self {
        Self { shared, peer, dn: "Anonymous".to_string() }
    }

    pub async fn do_bind(&mut self, sbr: &SimpleBindRequest) -> LdapMsg {
        if sbr.dn.is_empty() && sbr.pw.is_empty() {
            self.dn = "Anonymous".to_string();
            return sbr.gen_success();
        }
        match self.check_password(&sbr.dn, &sbr.pw).await {
            Ok(true) => {
                self.dn = sbr.dn.clone();
                sbr.gen_success()
            }
            Ok(false) => sbr.gen_invalid_cred(),
            Err(e) => {
                tracing::error!(peer = %self.peer, "bind failed: {e}");
                sbr.gen_error(LdapResultCode::Unavailable, "directory unavailable".to_string())
            }
        }
    }

    async fn check_password(&self, dn: &str, pw: &str) -> anyhow::Result<bool> {
        let uid = uid_from_dn(dn).ok_or_else(|| anyhow::anyhow!("unsupported dn {dn}"))?;
        if too_many_failures(uid).await? {
            return Ok(false);
        }

        let auth = directory::connect().await?;
        let row = auth
            .query_opt("SELECT password_hash FROM staff WHERE uid = $1 AND active", &[&uid])
            .await?;
        let ok = match row {
            Some(row) => bcrypt::verify(pw, row.get::<_, &str>(0)).unwrap_or(false),
            None => false,
        };
        if !ok {
            record_failure(uid).await?;
        }
        Ok(ok)
    }

    pub async fn do_search(&mut self, sr: &SearchRequest) -> Vec<LdapMsg> {
        if self.dn == "Anonymous" {
            return vec![sr.gen_error(LdapResultCode::InsufficentAccessRights, "bind first".to_string())];
        }
        let client = match self.shared.pool.get().await {
            Ok(c) => c,
            Err(e) => {
                tracing::error!("pool: {e}");
                return vec![sr.gen_error(LdapResultCode::Busy, "try again".to_string())];
            }
        };
        let rows = match client
            .query("SELECT uid, display_name, mail FROM staff WHERE active ORDER BY uid LIMIT 500", &[])
            .await
        {
            Ok(rows) => rows,
            Err(e) => return vec![sr.gen_error(LdapResultCode::Other, e.to_string())],
        };

        let mut out: Vec<LdapMsg> = rows
            .iter()
            .map(|row| {
                let uid: &str = row.get(0);
                sr.gen_result_entry(LdapSearchResultEntry {
                    dn: format!("uid={uid},ou=people,{}", self.shared.base_dn),
                    attributes: vec![
                        attr("objectClass", "inetOrgPerson"),
                        attr("uid", uid),
                        attr("cn", row.get::<_, &str>(1)),
                        attr("mail", row.get::<_, &str>(2)),
                    ],
                })
            })
            .collect();
        out.push(sr.gen_success());
        out
    }

    pub fn do_whoami(&self, wr: &WhoamiRequest) -> LdapMsg {
        wr.gen_success(format!("dn: {}", self.dn).as_str())
    }
}

fn attr(name: &str, value: &str) -> LdapPartialAttribute {
    LdapPartialAttribute { atype: name.to_string(), vals: vec![value.as_bytes().to_vec()] }
}

fn uid_from_dn(dn: &str) -> Option<&str> {
    dn.split(',').next()?.strip_prefix("uid=")
}

fn redis_url() -> String {
    std::env::var("LOCKOUT_REDIS_URL").unwrap_or_else(|_| "redis://lockout-cache:6379/2".into())
}

async fn too_many_failures(uid: &str) -> anyhow::Result<bool> {
    let mut con = redis::Client::open(redis_url())?
        .get_multiplexed_async_connection()
        .await?;
    let failures: Option<u32> = con.get(format!("ldap:fail:{uid}")).await?;
    Ok(failures.unwrap_or(0) >= 5)
}

async fn record_failure(uid: &str) -> anyhow::Result<()> {
    let mut con = redis::Client::open(redis_url())?
        .get_multiplexed_async_connection()
        .await?;
    let key = format!("ldap:fail:{uid}");
    let _: u32 = con.incr(&key, 1).await?;
    let _: bool = con.expire(&key, 900).await?;
    Ok(())
}
