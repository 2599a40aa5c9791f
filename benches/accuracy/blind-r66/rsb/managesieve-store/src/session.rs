//! One ManageSieve connection: greeting, AUTHENTICATE "PLAIN", then script
//! management commands until LOGOUT.
use std::sync::Arc;

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use crate::{store, Ctx};

const CAPABILITIES: &str = "\"IMPLEMENTATION\" \"sieve-store 0.9\"\r\n\
\"SASL\" \"PLAIN\"\r\n\
\"SIEVE\" \"fileinto reject envelope vacation imap4flags body\"\r\n\
\"VERSION\" \"1.0\"\r\n";

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Splits `PUTSCRIPT "name" {123+}` style arguments into quoted strings and
/// an optional trailing literal length.
fn args(rest: &str) -> (Vec<String>, Option<usize>) {
    let mut out = Vec::new();
    let mut literal = None;
    let mut chars = rest.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => s.extend(chars.next()),
                        '"' => break,
                        c => s.push(c),
                    }
                }
                out.push(s);
            }
            '{' => {
                let n: String = chars.by_ref().take_while(|c| *c != '}').collect();
                literal = n.trim_end_matches('+').parse().ok();
            }
            _ => {}
        }
    }
    (out, literal)
}

pub async fn run(ctx: Arc<Ctx>, socket: TcpStream) -> anyhow::Result<()> {
    let (rd, mut wr) = socket.into_split();
    let mut rd = BufReader::new(rd);
    let mut user: Option<String> = None;
    wr.write_all(format!("{CAPABILITIES}OK \"ready\"\r\n").as_bytes()).await?;

    loop {
        let mut line = String::new();
        if rd.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let (cmd, rest) = line.trim_end().split_once(' ').unwrap_or((line.trim_end(), ""));
        let (mut a, literal) = args(rest);
        if let Some(n) = literal {
            let mut body = vec![0u8; n];
            rd.read_exact(&mut body).await?;
            let mut crlf = String::new();
            rd.read_line(&mut crlf).await?;
            a.push(String::from_utf8_lossy(&body).into_owned());
        }

        let verb = cmd.to_ascii_uppercase();
        let authed = user.clone();
        let reply = match (verb.as_str(), authed.as_deref()) {
            ("CAPABILITY", _) => format!("{CAPABILITIES}OK\r\n"),
            ("NOOP", _) => "OK\r\n".to_string(),
            ("LOGOUT", _) => {
                wr.write_all(b"OK \"Logout\"\r\n").await?;
                return Ok(());
            }
            ("AUTHENTICATE", None) => match authenticate(&ctx, &a).await {
                Ok(Some(u)) => {
                    user = Some(u);
                    "OK \"Authenticated\"\r\n".to_string()
                }
                Ok(None) => "NO \"Authentication failed\"\r\n".to_string(),
                Err(e) => {
                    eprintln!("managesieve: doveadm authTest: {e:#}");
                    "NO (TRYLATER) \"Authentication backend unavailable\"\r\n".to_string()
                }
            },
            (_, None) => "NO \"Authenticate first\"\r\n".to_string(),
            ("LISTSCRIPTS", Some(u)) => {
                let mut out = String::new();
                for (name, active) in store::list(&ctx.pool, u).await? {
                    out.push_str(&quoted(&name));
                    out.push_str(if active { " ACTIVE\r\n" } else { "\r\n" });
                }
                out + "OK\r\n"
            }
            ("GETSCRIPT", Some(u)) => match store::get(&ctx.pool, u, a.first().map_or("", String::as_str)).await? {
                Some(body) => format!("{{{}}}\r\n{}\r\nOK\r\n", body.len(), body),
                None => "NO (NONEXISTENT) \"No such script\"\r\n".to_string(),
            },
            ("PUTSCRIPT", Some(u)) if a.len() == 2 => {
                if store::put(&ctx.pool, u, &a[0], &a[1]).await? {
                    "OK\r\n".to_string()
                } else {
                    "NO (QUOTA) \"Quota exceeded\"\r\n".to_string()
                }
            }
            ("SETACTIVE", Some(u)) => {
                if store::set_active(&ctx.pool, u, a.first().map_or("", String::as_str)).await? {
                    "OK\r\n".to_string()
                } else {
                    "NO (NONEXISTENT) \"No such script\"\r\n".to_string()
                }
            }
            ("DELETESCRIPT", Some(u)) => {
                format!("{}\r\n", store::delete(&ctx.pool, u, a.first().map_or("", String::as_str)).await?)
            }
            _ => "NO \"Unsupported command\"\r\n".to_string(),
        };
        wr.write_all(reply.as_bytes()).await?;
    }
}

/// SASL PLAIN (authzid NUL authcid NUL password), verified by Dovecot.
async fn authenticate(ctx: &Ctx, a: &[String]) -> anyhow::Result<Option<String>> {
    if !a.first().is_some_and(|m| m.eq_ignore_ascii_case("PLAIN")) {
        return Ok(None);
    }
    let Some(blob) = a.get(1) else { return Ok(None) };
    let raw = base64::engine::general_purpose::STANDARD.decode(blob)?;
    let parts: Vec<&[u8]> = raw.split(|b| *b == 0).collect();
    let [_, authcid, password] = parts.as_slice() else { return Ok(None) };
    let (login, password) = (String::from_utf8_lossy(authcid), String::from_utf8_lossy(password));

    let body = serde_json::json!([["authTest", { "user": login, "password": password }, "t1"]]);
    let resp: serde_json::Value = ctx
        .http
        .post(&ctx.doveadm_url)
        .header("Authorization", format!("X-Dovecot-API {}", ctx.doveadm_key))
        .json(&body)
        .send()
        .await?
        .json()
        .await?;
    let ok = resp.get(0).and_then(|r| r.get(0)).and_then(|t| t.as_str()) == Some("doveadmResponse");
    Ok(ok.then(|| login.into_owned()))
}
