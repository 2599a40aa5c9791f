use std::fs;

pub struct ExecInfo {
    pub pid: i32,
    pub exe: String,
    pub cmdline: String,
    pub uid: u32,
    pub ppid: i32,
}

/// Reads what we can about a freshly exec'd process; it may already be gone.
pub fn read(pid: i32) -> Option<ExecInfo> {
    let exe = fs::read_link(format!("/proc/{pid}/exe")).ok()?.to_string_lossy().into_owned();
    let raw = fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let cmdline = raw
        .split(|b| *b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse::<i64>().ok())
    };
    Some(ExecInfo { pid, exe, cmdline, uid: field("Uid:")? as u32, ppid: field("PPid:")? as i32 })
}
