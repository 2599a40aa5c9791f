use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Event {
    Init(Init),
    Upload(Transfer),
    Download(Transfer),
    Terminate,
}

#[derive(Debug, Deserialize)]
pub struct Init {
    pub operation: String,
    pub remote: String,
    #[serde(default)]
    pub concurrent: bool,
    #[serde(default, rename = "concurrenttransfers")]
    pub concurrent_transfers: u32,
}

#[derive(Debug, Deserialize)]
pub struct Transfer {
    pub oid: String,
    pub size: i64,
    /// Source file for uploads; absent for downloads.
    #[serde(default)]
    pub path: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ErrorBody {
    pub code: i32,
    pub message: String,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Outgoing {
    InitOk {},
    InitError { error: ErrorBody },
    Progress {
        event: &'static str,
        oid: String,
        #[serde(rename = "bytesSoFar")]
        bytes_so_far: i64,
        #[serde(rename = "bytesSinceLast")]
        bytes_since_last: i64,
    },
    Complete {
        event: &'static str,
        oid: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        path: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<ErrorBody>,
    },
}

impl Outgoing {
    pub fn init_error(code: i32, message: &str) -> Outgoing {
        Outgoing::InitError { error: ErrorBody { code, message: message.to_string() } }
    }

    pub fn progress(oid: &str, so_far: i64, since_last: i64) -> Outgoing {
        Outgoing::Progress {
            event: "progress",
            oid: oid.to_string(),
            bytes_so_far: so_far,
            bytes_since_last: since_last,
        }
    }

    pub fn complete(oid: &str, path: Option<String>) -> Outgoing {
        Outgoing::Complete { event: "complete", oid: oid.to_string(), path, error: None }
    }

    pub fn complete_error(oid: &str, code: i32, message: &str) -> Outgoing {
        Outgoing::Complete {
            event: "complete",
            oid: oid.to_string(),
            path: None,
            error: Some(ErrorBody { code, message: message.to_string() }),
        }
    }
}
