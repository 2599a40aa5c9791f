use std::fmt::Write;
use std::time::Duration;

use serde_json::json;

use crate::request::Request;
use crate::{db, Settings};

pub struct Reply {
    entries: Vec<String>,
    code: u32,
    info: String,
}

impl Reply {
    pub fn result(code: u32, info: &str) -> Reply {
        Reply { entries: Vec::new(), code, info: info.to_string() }
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        for e in &self.entries {
            out.push_str(e);
            out.push('\n');
        }
        let _ = write!(out, "RESULT\ncode: {}\nmatched: \ninfo: {}\n", self.code, self.info);
        out
    }
}

/// Pull the uid out of "(uid=jdoe)", "(&(objectClass=*)(uid=jdoe))" or a base DN.
fn wanted_uid(req: &Request) -> Option<String> {
    let base = req.get("base").unwrap_or("");
    if let Some(rest) = base.strip_prefix("uid=") {
        return rest.split(',').next().map(str::to_string);
    }
    let filter = req.get("filter")?;
    let start = filter.find("(uid=")? + 5;
    let end = start + filter[start..].find(')')?;
    let uid = &filter[start..end];
    (!uid.contains('*')).then(|| uid.to_string())
}

pub async fn search(cfg: &Settings, req: &Request) -> anyhow::Result<Reply> {
    let Some(uid) = wanted_uid(req) else {
        // no enumeration of the whole customer base
        return Ok(Reply::result(53, "search by uid only"));
    };
    let pool = db::pool(&cfg.database_url)?;
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT uid, display_name, email, account_no FROM customers WHERE uid = $1 AND active",
            &[&uid],
        )
        .await?;
    let suffix = req.get("suffix").unwrap_or(&cfg.suffix);
    let mut reply = Reply::result(0, "");
    for row in rows {
        let uid: String = row.get(0);
        let name: String = row.get(1);
        let email: String = row.get(2);
        let account: String = row.get(3);
        reply.entries.push(format!(
            "dn: uid={uid},{suffix}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: {name}\nsn: {name}\nmail: {email}\nemployeeNumber: {account}\n"
        ));
    }
    if reply.entries.is_empty() {
        reply.code = 32; // noSuchObject
    }
    Ok(reply)
}

pub async fn bind(cfg: &Settings, req: &Request) -> anyhow::Result<Reply> {
    let Some(uid) = req.get("dn").and_then(|dn| dn.strip_prefix("uid=")).and_then(|r| r.split(',').next()) else {
        return Ok(Reply::result(49, "unknown dn"));
    };
    let password = req.get("cred").unwrap_or("");
    if password.is_empty() {
        return Ok(Reply::result(53, "unauthenticated bind not allowed"));
    }
    let http = reqwest::Client::builder().timeout(Duration::from_secs(3)).build()?;
    let resp = http
        .post(&cfg.auth_api)
        .json(&json!({ "username": uid, "password": password, "client": "ldap" }))
        .send()
        .await?;
    Ok(if resp.status().is_success() {
        Reply::result(0, "")
    } else {
        Reply::result(49, "invalid credentials")
    })
}
