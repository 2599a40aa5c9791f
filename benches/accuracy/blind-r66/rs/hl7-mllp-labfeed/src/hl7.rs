//! Minimal HL7 v2.x parsing: enough of MSH / PID / OBR / OBX for ORU^R01.

pub const SB: u8 = 0x0b; // MLLP start block
pub const EB: u8 = 0x1c; // MLLP end block
pub const CR: u8 = 0x0d;

#[derive(Debug, Default)]
pub struct Observation {
    pub code: String,
    pub name: String,
    pub value: String,
    pub units: String,
    pub abnormal_flag: String,
}

#[derive(Debug, Default)]
pub struct OruMessage {
    pub control_id: String,
    pub sending_facility: String,
    pub message_type: String,
    pub mrn: String,
    pub accession: String,
    pub observations: Vec<Observation>,
}

impl Observation {
    /// HH / LL flags mean a critical value that must be phoned through.
    pub fn is_critical(&self) -> bool {
        matches!(self.abnormal_flag.as_str(), "HH" | "LL" | "AA")
    }
}

fn field<'a>(fields: &[&'a str], idx: usize) -> &'a str {
    fields.get(idx).copied().unwrap_or("")
}

fn component(value: &str, idx: usize) -> String {
    value.split('^').nth(idx).unwrap_or("").to_string()
}

pub fn parse(raw: &str) -> Option<OruMessage> {
    let mut msg = OruMessage::default();
    for segment in raw.split('\r').filter(|s| !s.is_empty()) {
        let fields: Vec<&str> = segment.split('|').collect();
        match fields[0] {
            // MSH-1 is the field separator itself, so MSH indices are shifted by one.
            "MSH" => {
                msg.sending_facility = field(&fields, 3).to_string();
                msg.message_type = field(&fields, 8).to_string();
                msg.control_id = field(&fields, 9).to_string();
            }
            "PID" => msg.mrn = component(field(&fields, 3), 0),
            "OBR" => msg.accession = component(field(&fields, 3), 0),
            "OBX" => msg.observations.push(Observation {
                code: component(field(&fields, 3), 0),
                name: component(field(&fields, 3), 1),
                value: field(&fields, 5).to_string(),
                units: component(field(&fields, 6), 0),
                abnormal_flag: field(&fields, 8).to_string(),
            }),
            _ => {}
        }
    }
    if msg.control_id.is_empty() {
        None
    } else {
        Some(msg)
    }
}

/// Build an MSA acknowledgement (AA = accepted, AE = application error).
pub fn ack(msg: &OruMessage, code: &str, text: &str) -> Vec<u8> {
    let now = chrono::Utc::now().format("%Y%m%d%H%M%S");
    let body = format!(
        "MSH|^~\\&|LABFEED|HOSP|LIS|{}|{}||ACK^R01|ACK{}|P|2.5\rMSA|{}|{}|{}\r",
        msg.sending_facility, now, msg.control_id, code, msg.control_id, text
    );
    let mut framed = Vec::with_capacity(body.len() + 3);
    framed.push(SB);
    framed.extend_from_slice(body.as_bytes());
    framed.push(EB);
    framed.push(CR);
    framed
}
