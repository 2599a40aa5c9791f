//! lircd output socket: one line per decoded IR event,
//! `<code hex> <repeat hex> <button name> <remote name>`, e.g. `0000000000f40bf0 00 KEY_PLAY lounge_remote`.
use std::io::{BufRead, BufReader, Lines};
use std::os::unix::net::UnixStream;

pub struct Press {
    pub repeat: u32,
    pub button: String,
    pub remote: String,
}

pub fn open(path: &str) -> std::io::Result<Lines<BufReader<UnixStream>>> {
    Ok(BufReader::new(UnixStream::connect(path)?).lines())
}

pub fn parse(line: &str) -> Option<Press> {
    let mut f = line.split_whitespace();
    let _code = f.next()?;
    let repeat = u32::from_str_radix(f.next()?, 16).ok()?;
    let button = f.next()?.to_owned();
    let remote = f.next()?.to_owned();
    Some(Press { repeat, button, remote })
}
