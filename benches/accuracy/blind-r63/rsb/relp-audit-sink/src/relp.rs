//! RELP (Reliable Event Logging Protocol) framing: `TXNR SP COMMAND SP DATALEN [SP DATA] LF`.
use anyhow::{bail, Context, Result};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};

pub struct Frame {
    pub txnr: u64,
    pub command: String,
    pub data: Vec<u8>,
}

async fn token<R: AsyncBufRead + Unpin>(r: &mut R, buf: &mut Vec<u8>) -> Result<Option<String>> {
    buf.clear();
    if r.read_until(b' ', buf).await? == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b' ') {
        buf.pop();
    }
    Ok(Some(String::from_utf8(buf.clone())?.trim().to_owned()))
}

pub async fn read_frame<R: AsyncBufRead + Unpin>(r: &mut R) -> Result<Option<Frame>> {
    let mut buf = Vec::with_capacity(16);
    let Some(txnr) = token(r, &mut buf).await? else { return Ok(None) };
    let txnr: u64 = txnr.parse().context("bad TXNR")?;
    let command = token(r, &mut buf).await?.context("missing command")?;

    // DATALEN is followed by SP when data follows, or directly by the LF trailer
    buf.clear();
    loop {
        let b = r.read_u8().await?;
        if b == b' ' || b == b'\n' {
            let len: usize = std::str::from_utf8(&buf)?.parse().context("bad DATALEN")?;
            let mut data = vec![0u8; len];
            if b == b' ' {
                r.read_exact(&mut data).await?;
                if r.read_u8().await? != b'\n' {
                    bail!("missing RELP trailer");
                }
            }
            return Ok(Some(Frame { txnr, command, data }));
        }
        buf.push(b);
    }
}

pub async fn respond<W: AsyncWrite + Unpin>(w: &mut W, txnr: u64, body: &str) -> Result<()> {
    let frame = if body.is_empty() {
        format!("{txnr} rsp 0\n")
    } else {
        format!("{txnr} rsp {} {body}\n", body.len())
    };
    w.write_all(frame.as_bytes()).await?;
    Ok(())
}
