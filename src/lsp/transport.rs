//! The stdio transport: LSP base-protocol frames (`Content-Length: N\r\n\r\n` + a JSON body) read
//! from standard input into [`Message`]s, and written back. Unlike a transport that gives up on
//! the first bad frame, a malformed message is answered and the session goes on: a frame whose
//! headers or JSON cannot be read gets a parse error (-32700), a JSON value that is not a message
//! (`[]`, `42`, an object as `id`) an invalid-request error (-32600), both with the request's id
//! when it can be read, else `null`. A `Content-Length` over [`MAX_MESSAGE`] is refused without
//! allocating it (its bytes are read and dropped).

use std::io::{BufRead, Read, Write};

use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::Message;
use serde_json::{Value, json};

/// The largest message body read: 64 MiB.
pub const MAX_MESSAGE: u64 = 64 << 20;

/// The longest header line read (a line without an end is cut there).
const MAX_HEADER_LINE: u64 = 8 << 10;

/// An error response for a message that could not be read.
fn error_reply(id: Value, code: i64, message: String) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

/// The `id` of a JSON value, when it is one a response may carry (a number or a string).
fn id_of(v: &Value) -> Value {
    match v.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    }
}

/// Read frames from `input` until it ends (or the server stops listening): messages go to
/// `to_server`, replies to unreadable ones to `replies`.
pub fn read_loop(mut input: impl BufRead, to_server: &Sender<Message>, replies: &Sender<Value>) {
    loop {
        let mut length: Option<u64> = None;
        let mut bad: Option<String> = None;
        let mut any = false;
        // Headers, up to an empty line.
        loop {
            let mut line = Vec::new();
            match (&mut input)
                .take(MAX_HEADER_LINE)
                .read_until(b'\n', &mut line)
            {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                if any {
                    break;
                }
                // Blank lines between frames.
                continue;
            }
            any = true;
            match text.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    match value.trim().parse::<u64>() {
                        Ok(n) => length = Some(n),
                        Err(_) => {
                            bad = Some(format!("invalid Content-Length `{}`", value.trim()));
                        }
                    }
                }
                Some(_) => {}
                None => bad = Some(format!("not a header line: `{}`", truncate(text))),
            }
        }
        let Some(n) = length else {
            let why = bad.unwrap_or_else(|| "a message without a Content-Length header".into());
            if replies.send(error_reply(Value::Null, -32700, why)).is_err() {
                return;
            }
            continue;
        };
        if n > MAX_MESSAGE {
            let why = format!("a message of {n} bytes is over the {MAX_MESSAGE} byte limit");
            if replies.send(error_reply(Value::Null, -32700, why)).is_err() {
                return;
            }
            // Its bytes are read and dropped, never held.
            match std::io::copy(&mut (&mut input).take(n), &mut std::io::sink()) {
                Ok(read) if read == n => continue,
                _ => return,
            }
        }
        let mut body = vec![0u8; usize::try_from(n).unwrap_or(0)];
        if input.read_exact(&mut body).is_err() {
            return;
        }
        if let Some(why) = bad {
            if replies.send(error_reply(Value::Null, -32700, why)).is_err() {
                return;
            }
            continue;
        }
        let value: Value = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                if replies
                    .send(error_reply(
                        Value::Null,
                        -32700,
                        format!("parse error: {e}"),
                    ))
                    .is_err()
                {
                    return;
                }
                continue;
            }
        };
        // An `id` that is neither a number nor a string makes no request (a message parser
        // would otherwise read it as a notification).
        if value
            .get("id")
            .is_some_and(|id| !matches!(id, Value::Number(_) | Value::String(_) | Value::Null))
        {
            let reply = error_reply(
                Value::Null,
                -32600,
                "invalid request: `id` must be a number or a string".into(),
            );
            if replies.send(reply).is_err() {
                return;
            }
            continue;
        }
        match serde_json::from_value::<Message>(value.clone()) {
            Ok(m) => {
                if to_server.send(m).is_err() {
                    return;
                }
            }
            Err(e) => {
                // A response from the client that cannot be read needs no answer.
                if value.get("method").is_none() && value.get("result").is_some() {
                    continue;
                }
                let reply = error_reply(id_of(&value), -32600, format!("invalid request: {e}"));
                if replies.send(reply).is_err() {
                    return;
                }
            }
        }
    }
}

fn truncate(s: &str) -> String {
    let cut: String = s.chars().take(60).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// A reply to an unreadable message, framed as the base protocol frames every message.
fn write_raw(output: &mut impl Write, v: &Value) -> std::io::Result<()> {
    let body = v.to_string();
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

/// Write what the server sends, and the replies to unreadable messages, to `output`, until the
/// server's sender is gone; then what replies are already queued (the reader may be blocked on
/// an input the client keeps open: it is not waited for).
pub fn write_loop(mut output: impl Write, messages: &Receiver<Message>, replies: &Receiver<Value>) {
    let mut replies_open = true;
    loop {
        let written = if replies_open {
            select! {
                recv(messages) -> m => match m {
                    Ok(m) => m.write(&mut output),
                    Err(_) => break,
                },
                recv(replies) -> r => match r {
                    Ok(v) => write_raw(&mut output, &v),
                    // A closed channel is always ready: stop selecting it.
                    Err(_) => {
                        replies_open = false;
                        Ok(())
                    }
                },
            }
        } else {
            match messages.recv() {
                Ok(m) => m.write(&mut output),
                Err(_) => break,
            }
        };
        if written.is_err() {
            return;
        }
    }
    for v in replies.try_iter() {
        if write_raw(&mut output, &v).is_err() {
            return;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> (Vec<Message>, Vec<Value>) {
        let (tx, rx) = crossbeam_channel::unbounded();
        let (rtx, rrx) = crossbeam_channel::unbounded();
        read_loop(std::io::Cursor::new(input.to_vec()), &tx, &rtx);
        drop((tx, rtx));
        (rx.iter().collect(), rrx.iter().collect())
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn bad_frames_are_answered_and_reading_goes_on() {
        let ok = r#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;
        let input = [
            frame("{not json"),
            frame("[]"),
            frame("42"),
            frame(r#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#),
            "this is not a header\r\n\r\n".to_string(),
            "Content-Length: -3\r\n\r\n".to_string(),
            "Content-Type: x\r\n\r\n".to_string(),
            frame(ok),
            "Content-Length: 99999999999999\r\n\r\n".to_string(),
        ]
        .concat();
        let (messages, replies) = frames(input.as_bytes());
        assert_eq!(messages.len(), 1, "{messages:?}");
        let codes: Vec<i64> = replies
            .iter()
            .map(|r| r["error"]["code"].as_i64().unwrap())
            .collect();
        assert_eq!(
            codes,
            [
                -32700, -32600, -32600, -32600, -32700, -32700, -32700, -32700
            ]
        );
        assert!(replies.iter().all(|r| r["id"].is_null()));
        assert!(
            replies[7]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("over the")
        );
    }
}
