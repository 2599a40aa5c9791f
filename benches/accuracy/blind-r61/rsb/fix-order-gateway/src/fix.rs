//! Minimal FIX tag=value codec (SOH-delimited, BodyLength 9, CheckSum 10).

pub const SOH: u8 = 0x01;

pub struct Message {
    fields: Vec<(u32, String)>,
}

impl Message {
    pub fn parse(raw: &[u8]) -> anyhow::Result<Message> {
        let mut fields = Vec::new();
        for field in raw.split(|b| *b == SOH).filter(|f| !f.is_empty()) {
            let eq = field.iter().position(|b| *b == b'=').ok_or_else(|| anyhow::anyhow!("field without '='"))?;
            let tag: u32 = std::str::from_utf8(&field[..eq])?.parse()?;
            fields.push((tag, String::from_utf8_lossy(&field[eq + 1..]).into_owned()));
        }
        Ok(Message { fields })
    }

    pub fn get(&self, tag: u32) -> Option<&str> {
        self.fields.iter().find(|(t, _)| *t == tag).map(|(_, v)| v.as_str())
    }
}

/// Splits one complete message off the front of `buf` (ends with "10=NNN<SOH>").
pub fn take_message(buf: &mut Vec<u8>) -> Option<Vec<u8>> {
    let pos = buf.windows(4).position(|w| w == b"\x0110=")?;
    let end = pos + 8;
    if buf.len() < end {
        return None;
    }
    Some(buf.drain(..end).collect())
}

pub fn encode(msg_type: &str, sender: &str, target: &str, seq: u64, body: &[(u32, String)]) -> Vec<u8> {
    let sending_time = chrono::Utc::now().format("%Y%m%d-%H:%M:%S%.3f");
    let mut inner = format!("35={msg_type}\x0149={sender}\x0156={target}\x0134={seq}\x0152={sending_time}\x01");
    for (tag, value) in body {
        inner.push_str(&format!("{tag}={value}\x01"));
    }
    let mut out = format!("8=FIX.4.4\x019={}\x01{inner}", inner.len()).into_bytes();
    let checksum = out.iter().map(|b| *b as u32).sum::<u32>() % 256;
    out.extend_from_slice(format!("10={checksum:03}\x01").as_bytes());
    out
}
