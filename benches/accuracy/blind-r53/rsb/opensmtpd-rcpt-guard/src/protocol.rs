//! The subset of the smtpd filter protocol (smtpd-filters(7)) we speak.

use crate::policy::Verdict;

pub struct Session {
    pub rdns: String,
    pub src: String,
}

pub enum Line {
    Config,
    ConfigReady,
    LinkConnect { session: String, rdns: String, src: String },
    LinkDisconnect { session: String },
    RcptTo { session: String, token: String, address: String },
    Unknown,
}

pub fn parse(line: &str) -> Line {
    let fields: Vec<&str> = line.split('|').collect();
    match fields.as_slice() {
        ["config", "ready"] => Line::ConfigReady,
        ["config", ..] => Line::Config,
        // report|0.7|<ts>|smtp-in|link-connect|<sid>|<rdns>|<fcrdns>|<src>|<dest>
        ["report", _version, _ts, "smtp-in", "link-connect", sid, rdns, _fcrdns, src, _dest] => {
            Line::LinkConnect {
                session: sid.to_string(),
                rdns: rdns.to_string(),
                src: src.to_string(),
            }
        }
        ["report", _version, _ts, "smtp-in", "link-disconnect", sid] => Line::LinkDisconnect {
            session: sid.to_string(),
        },
        // filter|0.7|<ts>|smtp-in|rcpt-to|<sid>|<token>|<address>
        ["filter", _version, _ts, "smtp-in", "rcpt-to", sid, token, rest @ ..] => Line::RcptTo {
            session: sid.to_string(),
            token: token.to_string(),
            address: rest.join("|"),
        },
        _ => Line::Unknown,
    }
}

pub fn filter_result(session: &str, token: &str, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Proceed => format!("filter-result|{session}|{token}|proceed"),
        Verdict::Reject(msg) => format!("filter-result|{session}|{token}|reject|550 {msg}"),
        Verdict::TempFail => {
            format!("filter-result|{session}|{token}|reject|451 Temporary lookup failure")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rcpt_to() {
        let l = "filter|0.7|1576146008.006099|smtp-in|rcpt-to|7641df9771b4ed00|1ef1c203cc576e5d|gilles@example.org";
        match parse(l) {
            Line::RcptTo { session, token, address } => {
                assert_eq!(session, "7641df9771b4ed00");
                assert_eq!(token, "1ef1c203cc576e5d");
                assert_eq!(address, "gilles@example.org");
            }
            _ => panic!("expected rcpt-to"),
        }
    }
}
