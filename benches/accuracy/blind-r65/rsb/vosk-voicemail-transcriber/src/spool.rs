//! Asterisk voicemail spool layout:
//! /var/spool/asterisk/voicemail/<context>/<mailbox>/INBOX/msgNNNN.{wav,txt}

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub struct Message {
    pub mailbox: String,
    pub msg_id: String,
    pub wav: PathBuf,
    pub marker: PathBuf,
    pub caller_id: String,
    pub orig_time: i64,
}

pub fn pending(root: &Path) -> Vec<Message> {
    let mut out = Vec::new();
    let Ok(contexts) = std::fs::read_dir(root) else { return out };
    for ctx in contexts.flatten() {
        let Ok(boxes) = std::fs::read_dir(ctx.path()) else { continue };
        for mbox in boxes.flatten() {
            let inbox = mbox.path().join("INBOX");
            let Ok(files) = std::fs::read_dir(&inbox) else { continue };
            for f in files.flatten() {
                let path = f.path();
                if path.extension().and_then(|e| e.to_str()) != Some("wav") {
                    continue;
                }
                let marker = path.with_extension("vosk");
                let meta = path.with_extension("txt");
                if marker.exists() || !meta.exists() {
                    continue; // done already, or Asterisk still writing
                }
                let info = parse_meta(&meta);
                out.push(Message {
                    mailbox: mbox.file_name().to_string_lossy().into_owned(),
                    msg_id: path.file_stem().unwrap().to_string_lossy().into_owned(),
                    caller_id: info.get("callerid").cloned().unwrap_or_default(),
                    orig_time: info.get("origtime").and_then(|t| t.parse().ok()).unwrap_or(0),
                    wav: path,
                    marker,
                });
            }
        }
    }
    out
}

fn parse_meta(path: &Path) -> HashMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}
