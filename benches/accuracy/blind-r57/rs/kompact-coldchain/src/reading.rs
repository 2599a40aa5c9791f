use serde::Deserialize;

/// One datagram from a reefer / cold-room sensor gateway:
/// {"sensor":"RF-0042","site":"ROT-3","celsius":-17.5,"door_open":false,"ts":1718000000}
#[derive(Clone, Debug, Deserialize)]
pub struct Reading {
    pub sensor: String,
    pub site: String,
    pub celsius: f64,
    #[serde(default)]
    pub door_open: bool,
    pub ts: i64,
}

impl Reading {
    pub fn parse(bytes: &[u8]) -> Result<Reading, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    pub fn key(&self) -> String {
        format!("{}/{}", self.site, self.sensor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_gateway_datagram() {
        let r = Reading::parse(
            br#"{"sensor":"RF-0042","site":"ROT-3","celsius":-17.5,"ts":1718000000}"#,
        )
        .unwrap();
        assert_eq!(r.key(), "ROT-3/RF-0042");
        assert!(!r.door_open);
    }
}
