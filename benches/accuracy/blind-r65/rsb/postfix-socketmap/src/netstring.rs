use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// Reads one netstring (`<len>:<payload>,`). Returns None on clean EOF.
pub async fn read<R: AsyncBufRead + Unpin>(r: &mut R) -> anyhow::Result<Option<String>> {
    let mut len_buf = Vec::with_capacity(8);
    if r.read_until(b':', &mut len_buf).await? == 0 {
        return Ok(None);
    }
    len_buf.pop();
    let len: usize = std::str::from_utf8(&len_buf)?.trim().parse()?;
    anyhow::ensure!(len <= 100_000, "netstring too long: {len}");
    let mut payload = vec![0u8; len + 1];
    r.read_exact(&mut payload).await?;
    anyhow::ensure!(payload.pop() == Some(b','), "missing netstring terminator");
    Ok(Some(String::from_utf8(payload)?))
}

pub async fn write<W: AsyncWrite + Unpin>(w: &mut W, reply: &str) -> std::io::Result<()> {
    let framed = format!("{}:{},", reply.len(), reply);
    w.write_all(framed.as_bytes()).await?;
    w.flush().await
}
