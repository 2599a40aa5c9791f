//! MIDI Show Control parsing and the prompt-corner tablet notification.

use std::time::Duration;

use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Go,
    Stop,
    Resume,
}

impl Command {
    pub fn as_str(&self) -> &'static str {
        match self {
            Command::Go => "GO",
            Command::Stop => "STOP",
            Command::Resume => "RESUME",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Cue {
    pub command: Command,
    pub number: String,
    pub list: String,
}

impl Cue {
    pub fn label(&self) -> String {
        format!("{}/{} {}", self.list, self.number, self.command.as_str())
    }
}

/// Parses an MSC SysEx: F0 7F <dev> 02 <format> <cmd> <Q number> 00 <Q list> F7.
pub fn parse(msg: &[u8]) -> Option<Cue> {
    if msg.len() < 7 || msg[0] != 0xF0 || msg[1] != 0x7F || msg[3] != 0x02 {
        return None;
    }
    if *msg.last()? != 0xF7 {
        return None;
    }
    let command = match msg[5] {
        0x01 => Command::Go,
        0x02 => Command::Stop,
        0x03 => Command::Resume,
        _ => return None,
    };
    let data = &msg[6..msg.len() - 1];
    let mut fields = data.split(|b| *b == 0x00);
    let number = String::from_utf8_lossy(fields.next().unwrap_or(&[])).to_string();
    let list = String::from_utf8_lossy(fields.next().unwrap_or(b"1")).to_string();
    if number.is_empty() {
        return None;
    }
    Some(Cue { command, number, list })
}

/// Pushes the fired cue to the tablet in the prompt corner. Best effort only.
pub fn notify_tablet(url: &str, production: &str, cue: &Cue, fired: u32) {
    let http = reqwest::blocking::Client::new();
    let body = json!({
        "production": production,
        "cue": cue.label(),
        "fired_count": fired,
    });
    let result = http
        .post(url)
        .timeout(Duration::from_millis(800))
        .json(&body)
        .send();
    if let Err(e) = result {
        eprintln!("tablet notify failed for {}: {e}", cue.label());
    }
}
