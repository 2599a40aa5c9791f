use serde::Deserialize;

/// One line of `GET /<topic>/json` (https://docs.ntfy.sh/subscribe/api/).
#[derive(Debug, Deserialize)]
pub struct Event {
    pub id: String,
    pub time: i64,
    pub event: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub attachment: Option<Attachment>,
}

#[derive(Debug, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub url: String,
    #[serde(rename = "type", default)]
    pub mime: Option<String>,
}
