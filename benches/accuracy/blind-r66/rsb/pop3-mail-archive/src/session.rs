//! POP3 state machine: AUTHORIZATION (USER/PASS) then TRANSACTION.
//! The maildrop is read-only: DELE only hides a message for this session.
use std::collections::HashSet;

use aws_config::BehaviorVersion;
use mysql_async::Pool;

use crate::maildrop::{self, Entry};

pub struct Session {
    pool: Pool,
    bucket: String,
    user: Option<String>,
    auditor: Option<u64>,
    entries: Vec<Entry>,
    hidden: HashSet<usize>,
}

impl Session {
    pub fn new(pool: Pool, bucket: String) -> Session {
        Session { pool, bucket, user: None, auditor: None, entries: Vec::new(), hidden: HashSet::new() }
    }

    pub async fn command(&mut self, cmd: &str, arg: &str) -> String {
        match self.dispatch(cmd, arg).await {
            Ok(reply) => reply,
            Err(e) => format!("-ERR {e}\r\n"),
        }
    }

    fn visible(&self) -> impl Iterator<Item = (usize, &Entry)> {
        self.entries.iter().enumerate().filter(|(i, _)| !self.hidden.contains(i)).map(|(i, e)| (i + 1, e))
    }

    fn entry(&self, arg: &str) -> anyhow::Result<(usize, &Entry)> {
        let n: usize = arg.parse()?;
        if n == 0 || n > self.entries.len() || self.hidden.contains(&(n - 1)) {
            anyhow::bail!("no such message");
        }
        Ok((n, &self.entries[n - 1]))
    }

    async fn dispatch(&mut self, cmd: &str, arg: &str) -> anyhow::Result<String> {
        if self.auditor.is_none() {
            return match cmd {
                "CAPA" => Ok("+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n".into()),
                "USER" => {
                    self.user = Some(arg.to_string());
                    Ok("+OK\r\n".into())
                }
                "PASS" => {
                    let user = self.user.clone().unwrap_or_default();
                    match maildrop::check_password(&self.pool, &user, arg).await? {
                        Some(id) => {
                            self.entries = maildrop::list(&self.pool, id).await?;
                            self.auditor = Some(id);
                            Ok(format!("+OK {} messages\r\n", self.entries.len()))
                        }
                        None => Ok("-ERR [AUTH] invalid credentials\r\n".into()),
                    }
                }
                "QUIT" => Ok("+OK bye\r\n".into()),
                _ => Ok("-ERR authenticate first\r\n".into()),
            };
        }

        match cmd {
            "STAT" => {
                let (n, total) = self.visible().fold((0, 0), |(n, t), (_, e)| (n + 1, t + e.size));
                Ok(format!("+OK {n} {total}\r\n"))
            }
            "LIST" | "UIDL" => {
                let mut out = String::from("+OK\r\n");
                for (n, e) in self.visible() {
                    if cmd == "LIST" {
                        out.push_str(&format!("{n} {}\r\n", e.size));
                    } else {
                        out.push_str(&format!("{n} {}\r\n", e.uidl));
                    }
                }
                out.push_str(".\r\n");
                Ok(out)
            }
            "RETR" => {
                let (_, entry) = self.entry(arg)?;
                let (key, message_id) = (entry.s3_key.clone(), entry.message_id);
                let s3 = aws_sdk_s3::Client::new(&aws_config::load_defaults(BehaviorVersion::latest()).await);
                let object = s3.get_object().bucket(&self.bucket).key(&key).send().await?;
                let raw = object.body.collect().await?.into_bytes();
                maildrop::log_download(&self.pool, self.auditor.unwrap_or_default(), message_id).await?;

                let mut out = String::from("+OK message follows\r\n");
                for line in String::from_utf8_lossy(&raw).lines() {
                    if line.starts_with('.') {
                        out.push('.');
                    }
                    out.push_str(line);
                    out.push_str("\r\n");
                }
                out.push_str(".\r\n");
                Ok(out)
            }
            "DELE" => {
                let (n, _) = self.entry(arg)?;
                self.hidden.insert(n - 1);
                Ok("+OK hidden for this session (archive is read-only)\r\n".into())
            }
            "RSET" => {
                self.hidden.clear();
                Ok("+OK\r\n".into())
            }
            "NOOP" => Ok("+OK\r\n".into()),
            "QUIT" => Ok("+OK bye\r\n".into()),
            _ => Ok("-ERR unknown command\r\n".into()),
        }
    }
}
