//! Line protocol printed by the on-target test harness on RTT channel 0:
//!
//! ```text
//! HIL BEGIN fw=2.14.0-rc3+g1a2b3c
//! HIL CASE usb enumerate PASS 182
//! HIL CASE ble adv_interval FAIL 2001 expected<=1000
//! HIL END passed=41 failed=1
//! ```

#[derive(Debug, Clone, PartialEq)]
pub struct CaseResult {
    pub suite: String,
    pub name: String,
    pub passed: bool,
    pub duration_ms: u32,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    RunStarted { firmware: String },
    Case(CaseResult),
    RunFinished { passed: u32, failed: u32 },
}

pub fn parse_line(line: &str) -> Option<Event> {
    let rest = line.strip_prefix("HIL ")?;
    let mut parts = rest.split_whitespace();
    match parts.next()? {
        "BEGIN" => {
            let firmware = parts.next()?.strip_prefix("fw=")?.to_string();
            Some(Event::RunStarted { firmware })
        }
        "CASE" => {
            let suite = parts.next()?.to_string();
            let name = parts.next()?.to_string();
            let passed = match parts.next()? {
                "PASS" => true,
                "FAIL" => false,
                _ => return None,
            };
            let duration_ms = parts.next()?.parse().ok()?;
            let detail: Vec<&str> = parts.collect();
            let detail = (!detail.is_empty()).then(|| detail.join(" "));
            Some(Event::Case(CaseResult { suite, name, passed, duration_ms, detail }))
        }
        "END" => {
            let passed = parts.next()?.strip_prefix("passed=")?.parse().ok()?;
            let failed = parts.next()?.strip_prefix("failed=")?.parse().ok()?;
            Some(Event::RunFinished { passed, failed })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_failing_case() {
        let ev = parse_line("HIL CASE ble adv_interval FAIL 2001 expected<=1000").unwrap();
        match ev {
            Event::Case(c) => {
                assert!(!c.passed);
                assert_eq!(c.detail.as_deref(), Some("expected<=1000"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
