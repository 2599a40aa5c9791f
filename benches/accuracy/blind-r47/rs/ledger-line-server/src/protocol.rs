//! Line protocol spoken by the branch terminals:
//!
//!   BAL <account>
//!   XFER <from> <to> <cents>
//!   AUDIT <account>

#[derive(Debug)]
pub enum Command {
    Balance { account: String },
    Transfer { from: String, to: String, cents: i64 },
    Audit { account: String },
    Quit,
}

pub fn parse(line: &str) -> Result<Command, String> {
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.as_slice() {
        ["BAL", account] => Ok(Command::Balance { account: account.to_string() }),
        ["XFER", from, to, cents] => Ok(Command::Transfer {
            from: from.to_string(),
            to: to.to_string(),
            cents: cents.parse().map_err(|_| format!("bad amount {cents}"))?,
        }),
        ["AUDIT", account] => Ok(Command::Audit { account: account.to_string() }),
        ["QUIT"] => Ok(Command::Quit),
        _ => Err(format!("unknown command: {line}")),
    }
}
