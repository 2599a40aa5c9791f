//! Parser for `journalctl -o short-iso` lines:
//! `2024-06-03T09:14:07+0000 web-04 nginx[1187]: 10.0.3.7 - - "GET /healthz" 200`

use nom::bytes::complete::{tag, take_till1};
use nom::character::complete::{char, digit1};
use nom::combinator::{map_res, opt, rest};
use nom::sequence::delimited;
use nom::IResult;
use serde::Serialize;

#[derive(Debug, Serialize, PartialEq)]
pub struct Entry<'a> {
    #[serde(rename = "@timestamp")]
    pub ts: &'a str,
    pub host: &'a str,
    pub ident: &'a str,
    pub pid: Option<u32>,
    pub message: &'a str,
}

fn word(input: &str) -> IResult<&str, &str> {
    take_till1(|c: char| c == ' ')(input)
}

pub fn entry(input: &str) -> IResult<&str, Entry<'_>> {
    let (input, ts) = word(input)?;
    let (input, _) = char(' ')(input)?;
    let (input, host) = word(input)?;
    let (input, _) = char(' ')(input)?;
    let (input, ident) = take_till1(|c: char| c == '[' || c == ':')(input)?;
    let (input, pid) = opt(delimited(char('['), map_res(digit1, str::parse::<u32>), char(']')))(input)?;
    let (input, _) = tag(": ")(input)?;
    let (input, message) = rest(input)?;
    Ok((input, Entry { ts, host, ident, pid, message }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_unit_with_pid() {
        let (_, e) = entry("2024-06-03T09:14:07+0000 web-04 nginx[1187]: hello world").unwrap();
        assert_eq!(e.host, "web-04");
        assert_eq!(e.ident, "nginx");
        assert_eq!(e.pid, Some(1187));
        assert_eq!(e.message, "hello world");
    }

    #[test]
    fn parses_kernel_line() {
        let (_, e) = entry("2024-06-03T09:14:07+0000 web-04 kernel: eth0: link up").unwrap();
        assert_eq!(e.ident, "kernel");
        assert_eq!(e.pid, None);
    }
}
