//! SIA DC-09 framing: <LF><crc><0LLL>"<id>"<seq>R<rcvr>L<pref>#<acct>[<data>]<timestamp><CR>

use crc::{Crc, CRC_16_ARC};

const CRC16: Crc<u16> = Crc::<u16>::new(&CRC_16_ARC);

#[derive(Debug, Clone)]
pub struct Frame {
    pub id: String,
    pub seq: String,
    pub receiver: String,
    pub prefix: String,
    pub account: String,
    pub data: String,
    pub timestamp: String,
}

pub fn parse(raw: &str) -> anyhow::Result<Frame> {
    let raw = raw.trim_start_matches('\n').trim_end_matches('\r');
    anyhow::ensure!(raw.len() > 8, "frame too short");
    let (crc_hex, rest) = raw.split_at(4);
    let (len_hex, body) = rest.split_at(4);
    let expected_len = usize::from_str_radix(&len_hex[1..], 16)?;
    anyhow::ensure!(body.len() == expected_len, "length mismatch");
    let crc = u16::from_str_radix(crc_hex, 16)?;
    anyhow::ensure!(CRC16.checksum(body.as_bytes()) == crc, "crc mismatch");

    let id_end = body[1..]
        .find('"')
        .map(|i| i + 1)
        .ok_or_else(|| anyhow::anyhow!("no id"))?;
    let id = body[1..id_end].to_string();
    let after_id = &body[id_end + 1..];
    let data_start = after_id
        .find('[')
        .ok_or_else(|| anyhow::anyhow!("no data block"))?;
    let data_end = after_id
        .rfind(']')
        .ok_or_else(|| anyhow::anyhow!("unterminated data"))?;
    let header = &after_id[..data_start];

    let seq = header.get(..4).unwrap_or("0000").to_string();
    let receiver = between(header, 'R', 'L');
    let prefix = between(header, 'L', '#');
    let account = header.rsplit('#').next().unwrap_or("").to_string();

    Ok(Frame {
        id,
        seq,
        receiver,
        prefix,
        account,
        data: after_id[data_start + 1..data_end].to_string(),
        timestamp: after_id[data_end + 1..].to_string(),
    })
}

fn between(s: &str, start: char, end: char) -> String {
    let Some(a) = s.find(start) else {
        return String::new();
    };
    let rest = &s[a + 1..];
    rest.find(end)
        .map(|b| rest[..b].to_string())
        .unwrap_or_default()
}

pub fn ack(frame: &Frame) -> Vec<u8> {
    let now = chrono::Utc::now().format("_%H:%M:%S,%m-%d-%Y");
    let body = format!(
        "\"ACK\"{}R{}L{}#{}[]{}",
        frame.seq, frame.receiver, frame.prefix, frame.account, now
    );
    let crc = CRC16.checksum(body.as_bytes());
    format!("\n{crc:04X}0{:03X}{body}\r", body.len()).into_bytes()
}

impl Frame {
    /// "NULL" frames are link supervision polls, not alarms.
    pub fn is_supervision(&self) -> bool {
        self.id == "NULL"
    }

    /// Event code, e.g. `BA` (burglary alarm) out of `#1234|Nri1/BA001`.
    pub fn event_code(&self) -> String {
        let code_part = self.data.rsplit('/').next().unwrap_or(&self.data);
        code_part
            .trim_start_matches(|c: char| !c.is_ascii_uppercase())
            .chars()
            .take(2)
            .collect()
    }
}
