//! Just enough ISO 8583:1987 (ASCII numerics, binary primary bitmap) for the fields the switch sends.
use std::collections::BTreeMap;

pub struct Message { pub mti: String, pub fields: BTreeMap<u8, String> }

fn spec(field: u8) -> Option<(bool, usize)> {
    // (is_llvar, fixed length or max length)
    Some(match field {
        2 => (true, 19),
        3 | 11 | 38 => (false, 6),
        4 | 37 => (false, 12),
        7 => (false, 10),
        39 => (false, 2),
        41 => (false, 8),
        49 => (false, 3),
        _ => return None,
    })
}

pub fn parse(buf: &[u8]) -> anyhow::Result<Message> {
    anyhow::ensure!(buf.len() >= 12, "short message");
    let mti = std::str::from_utf8(&buf[..4])?.to_string();
    let bitmap = u64::from_be_bytes(buf[4..12].try_into()?);
    let mut pos = 12;
    let mut fields = BTreeMap::new();
    for field in 2..=64u8 {
        if bitmap & (1u64 << (64 - field as u32)) == 0 {
            continue;
        }
        let (llvar, len) = spec(field).ok_or_else(|| anyhow::anyhow!("unsupported field {field}"))?;
        let len = if llvar {
            let l: usize = std::str::from_utf8(&buf[pos..pos + 2])?.parse()?;
            pos += 2;
            anyhow::ensure!(l <= len, "field {field} too long");
            l
        } else {
            len
        };
        let value = std::str::from_utf8(&buf[pos..pos + len])?.to_string();
        pos += len;
        fields.insert(field, value);
    }
    Ok(Message { mti, fields })
}

pub fn encode(msg: &Message) -> Vec<u8> {
    let mut bitmap = 0u64;
    let mut body = Vec::new();
    for (&field, value) in &msg.fields {
        bitmap |= 1u64 << (64 - field as u32);
        if matches!(spec(field), Some((true, _))) {
            body.extend_from_slice(format!("{:02}", value.len()).as_bytes());
        }
        body.extend_from_slice(value.as_bytes());
    }
    let mut out = msg.mti.as_bytes().to_vec();
    out.extend_from_slice(&bitmap.to_be_bytes());
    out.extend_from_slice(&body);
    out
}
