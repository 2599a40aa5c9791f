use anyhow::{anyhow, Result};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Data items we keep; everything else in the stream is ignored.
const TRACKED: &[&str] = &[
    "SpindleSpeed",
    "RotaryVelocity",
    "Load",
    "Execution",
    "ControllerMode",
    "PartCount",
    "EmergencyStop",
];

pub struct Observation {
    pub data_item_id: String,
    pub kind: String,
    pub sequence: i64,
    pub timestamp: String,
    pub value: String,
}

pub struct Batch {
    pub next_sequence: u64,
    pub observations: Vec<Observation>,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Result<Option<String>> {
    Ok(match e.try_get_attribute(name)? {
        Some(a) => Some(a.unescape_value()?.into_owned()),
        None => None,
    })
}

/// Parses an `MTConnectStreams` document (response to `current` or `sample`).
pub fn parse_streams(xml: &str) -> Result<Batch> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);

    let mut next_sequence = None;
    let mut observations = Vec::new();
    let mut open: Option<Observation> = None;

    loop {
        match reader.read_event()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Header" => {
                next_sequence = attr(&e, "nextSequence")?.and_then(|v| v.parse().ok());
            }
            Event::Start(e) if e.local_name().as_ref() == b"Error" => {
                return Err(anyhow!("agent error: {:?}", attr(&e, "errorCode")?));
            }
            Event::Start(e) => {
                let name = std::str::from_utf8(e.local_name().as_ref())?.to_string();
                if TRACKED.contains(&name.as_str()) {
                    open = Some(Observation {
                        data_item_id: attr(&e, "dataItemId")?.unwrap_or_default(),
                        kind: name,
                        sequence: attr(&e, "sequence")?.and_then(|v| v.parse().ok()).unwrap_or_default(),
                        timestamp: attr(&e, "timestamp")?.unwrap_or_default(),
                        value: String::new(),
                    });
                }
            }
            Event::Text(t) => {
                if let Some(o) = open.as_mut() {
                    o.value = t.unescape()?.into_owned();
                }
            }
            Event::End(_) => {
                if let Some(o) = open.take() {
                    if o.value != "UNAVAILABLE" {
                        observations.push(o);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }

    Ok(Batch {
        next_sequence: next_sequence.ok_or_else(|| anyhow!("no Header/@nextSequence"))?,
        observations,
    })
}
