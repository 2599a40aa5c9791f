//! RFC 1179 "receive a printer job" (0x02) with control / data file subcommands.

use anyhow::{bail, Context, Result};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};

pub struct Job {
    pub queue: String,
    pub host: String,
    pub user: String,
    pub name: String,
    pub data: Vec<u8>,
}

async fn line<R: AsyncBufRead + Unpin>(rd: &mut R) -> Result<Option<String>> {
    let mut buf = Vec::new();
    if rd.read_until(b'\n', &mut buf).await? == 0 {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&buf).trim_end_matches('\n').to_string()))
}

pub async fn receive_job<R, W>(rd: &mut R, wr: &mut W, queue: String) -> Result<Job>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    wr.write_all(&[0]).await?; // accept the queue
    let mut job = Job { queue, host: String::new(), user: String::new(), name: String::new(), data: Vec::new() };
    while let Some(sub) = line(rd).await? {
        let (code, rest) = sub.split_at(1.min(sub.len()));
        let count: usize = rest.split(' ').next().unwrap_or("").parse().context("bad subcommand count")?;
        let mut payload = vec![0u8; count];
        match code.as_bytes().first() {
            Some(0x02) | Some(0x03) => {
                wr.write_all(&[0]).await?;
                rd.read_exact(&mut payload).await?;
                let mut terminator = [0u8; 1];
                rd.read_exact(&mut terminator).await?;
                wr.write_all(&[0]).await?;
            }
            _ => bail!("unsupported receive-job subcommand"),
        }
        if code.as_bytes()[0] == 0x02 {
            for l in String::from_utf8_lossy(&payload).lines() {
                let (k, v) = l.split_at(1.min(l.len()));
                match k {
                    "H" => job.host = v.to_string(),
                    "P" => job.user = v.to_string(),
                    "J" => job.name = v.to_string(),
                    _ => {}
                }
            }
        } else {
            job.data = payload;
        }
    }
    Ok(job)
}
