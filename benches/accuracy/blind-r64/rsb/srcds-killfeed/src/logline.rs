//! Source engine remote log datagrams: 0xFF 0xFF 0xFF 0xFF, then 'R' + line,
//! or 'S' + sv_logsecret digits + line. A line looks like
//! L 03/14/2024 - 21:05:33: "Alice<3><[U:1:1234]><CT>" [100 200 0] killed "Bob<4><[U:1:5678]><TERRORIST>" [1 2 0] with "ak47" (headshot)

use std::sync::LazyLock;

use regex::Regex;

static KILL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(.+?)<\d+><([^>]*)><([^>]*)>"(?: \[[^\]]*\])? killed "(.+?)<\d+><([^>]*)><([^>]*)>"(?: \[[^\]]*\])? with "([^"]+)"(.*)"#)
        .unwrap()
});
static SAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""(.+?)<\d+><([^>]*)><[^>]*>" say "(.*)""#).unwrap());
static GAME_OVER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Game Over: \S+ \S+ (\S+) score (\d+):(\d+)").unwrap());

pub enum Event {
    Kill { killer: String, killer_id: String, victim: String, victim_id: String, weapon: String, headshot: bool },
    Say { player: String, steam_id: String, text: String },
    GameOver { map: String, ct: u32, t: u32 },
}

/// Returns the log line if the datagram is well formed and carries our secret.
pub fn unwrap_datagram<'a>(d: &'a [u8], secret: &str) -> Option<&'a str> {
    let rest = d.strip_prefix(&[0xff, 0xff, 0xff, 0xff])?;
    let text = std::str::from_utf8(rest).ok()?.trim_end_matches(['\0', '\n']);
    match *text.as_bytes().first()? {
        b'S' => text[1..].strip_prefix(secret)?.strip_prefix("L ").map(|l| l.get(23..).unwrap_or("")),
        b'R' if secret.is_empty() => text[1..].strip_prefix("L ").map(|l| l.get(23..).unwrap_or("")),
        _ => None,
    }
}

pub fn parse(line: &str) -> Option<Event> {
    if let Some(c) = KILL.captures(line) {
        return Some(Event::Kill {
            killer: c[1].to_string(),
            killer_id: c[2].to_string(),
            victim: c[4].to_string(),
            victim_id: c[5].to_string(),
            weapon: c[7].to_string(),
            headshot: c[8].contains("headshot"),
        });
    }
    if let Some(c) = SAY.captures(line) {
        return Some(Event::Say { player: c[1].to_string(), steam_id: c[2].to_string(), text: c[3].to_string() });
    }
    let c = GAME_OVER.captures(line)?;
    Some(Event::GameOver { map: c[1].to_string(), ct: c[2].parse().ok()?, t: c[3].parse().ok()? })
}
