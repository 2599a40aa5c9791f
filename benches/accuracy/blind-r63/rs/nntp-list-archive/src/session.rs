//! RFC 3977 reader commands: CAPABILITIES, MODE READER, LIST, GROUP, ARTICLE/HEAD/BODY,
//! OVER/XOVER, QUIT. One command per line; state = selected group + current article.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;

use anyhow::Result;
use shaku::{HasComponent, HasProvider};

use crate::module::{ArchiveModule, ArticleReader, GroupIndex};

pub fn run(stream: TcpStream, module: &ArchiveModule) -> Result<()> {
    let mut out = stream.try_clone()?;
    let reader = BufReader::new(stream);
    let mut group: Option<String> = None;
    let mut current: Option<u64> = None;

    write!(out, "201 list-archive ready, posting prohibited\r\n")?;

    for line in reader.lines() {
        let line = line?;
        let mut words = line.split_whitespace();
        let cmd = words.next().unwrap_or_default().to_ascii_uppercase();
        let arg = words.next();

        match cmd.as_str() {
            "CAPABILITIES" => write!(out, "101 Capability list:\r\nVERSION 2\r\nREADER\r\nLIST ACTIVE\r\nOVER\r\n.\r\n")?,
            "MODE" => write!(out, "201 reader mode, posting prohibited\r\n")?,
            "QUIT" => {
                write!(out, "205 bye\r\n")?;
                break;
            }
            "LIST" => {
                let index: &dyn GroupIndex = module.resolve_ref();
                write!(out, "215 list of newsgroups follows\r\n")?;
                for g in index.groups()? {
                    write!(out, "{} {} {} n\r\n", g.name, g.high, g.low)?;
                }
                write!(out, ".\r\n")?;
            }
            "GROUP" => {
                let name = arg.unwrap_or_default();
                let index: &dyn GroupIndex = module.resolve_ref();
                match index.groups()?.into_iter().find(|g| g.name == name) {
                    Some(g) => {
                        write!(out, "211 {} {} {} {}\r\n", g.count, g.low, g.high, g.name)?;
                        group = Some(g.name);
                        current = Some(g.low);
                    }
                    None => write!(out, "411 no such newsgroup\r\n")?,
                }
            }
            "ARTICLE" | "HEAD" | "BODY" => {
                let (Some(g), Some(n)) = (group.as_deref(), arg.and_then(|a| a.parse().ok()).or(current)) else {
                    write!(out, "412 no newsgroup selected\r\n")?;
                    continue;
                };
                // connection checked out of the shared pool for this command only
                let mut articles: Box<dyn ArticleReader> = module
                    .provide()
                    .map_err(|e| anyhow::anyhow!("archive unavailable: {e}"))?;
                match articles.raw_article(g, n)? {
                    Some((message_id, raw)) => {
                        current = Some(n);
                        let text = String::from_utf8_lossy(&raw);
                        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
                        let code = match cmd.as_str() { "ARTICLE" => 220, "HEAD" => 221, _ => 222 };
                        write!(out, "{code} {n} {message_id}\r\n")?;
                        let part = match cmd.as_str() {
                            "HEAD" => head.to_string(),
                            "BODY" => body.to_string(),
                            _ => format!("{head}\r\n\r\n{body}"),
                        };
                        for l in part.lines() {
                            let stuffed = if l.starts_with('.') { "." } else { "" };
                            write!(out, "{stuffed}{l}\r\n")?;
                        }
                        write!(out, ".\r\n")?;
                    }
                    None => write!(out, "423 no article with that number\r\n")?,
                }
            }
            "OVER" | "XOVER" => {
                let Some(g) = group.as_deref() else {
                    write!(out, "412 no newsgroup selected\r\n")?;
                    continue;
                };
                let (low, high) = match arg.and_then(|a| a.split_once('-')) {
                    Some((l, h)) => (l.parse().unwrap_or(0), h.parse().unwrap_or(u64::MAX)),
                    None => (current.unwrap_or(0), current.unwrap_or(0)),
                };
                let mut articles: Box<dyn ArticleReader> = module
                    .provide()
                    .map_err(|e| anyhow::anyhow!("archive unavailable: {e}"))?;
                write!(out, "224 overview follows\r\n")?;
                for o in articles.overview(g, low, high)? {
                    write!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\r\n",
                        o.number, o.subject, o.from, o.date, o.message_id, o.references, o.bytes, o.lines
                    )?;
                }
                write!(out, ".\r\n")?;
            }
            _ => write!(out, "500 unknown command\r\n")?,
        }
        out.flush()?;
    }
    Ok(())
}
