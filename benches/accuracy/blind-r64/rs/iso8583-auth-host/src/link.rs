use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::iso::{self, Message};
use crate::store;

/// One acquirer link: 2-byte big-endian length header, then the ISO 8583 message.
pub async fn serve(mut stream: TcpStream) -> anyhow::Result<()> {
    loop {
        let len = match stream.read_u16().await {
            Ok(n) => n as usize,
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        let mut buf = vec![0u8; len];
        stream.read_exact(&mut buf).await?;
        let request = iso::parse(&buf)?;

        let response = match request.mti.as_str() {
            "0100" => authorize(request).await?,
            "0800" => echo(request),
            other => anyhow::bail!("unexpected MTI {other}"),
        };
        let out = iso::encode(&response);
        stream.write_u16(out.len() as u16).await?;
        stream.write_all(&out).await?;
    }
}

async fn authorize(mut msg: Message) -> anyhow::Result<Message> {
    let pan = msg.fields.get(&2).cloned().unwrap_or_default();
    let amount: i64 = msg.fields.get(&4).map(|a| a.parse::<i64>()).transpose()?.unwrap_or(0);
    let stan = msg.fields.get(&11).cloned().unwrap_or_default();

    let ledger = store::connect().await?;
    let mut tx = ledger.begin().await?;
    let balance: Option<i64> = sqlx::query_scalar(
        "SELECT available_minor FROM card_accounts WHERE pan_hash = encode(sha256($1::bytea), 'hex') FOR UPDATE",
    )
    .bind(pan.as_bytes())
    .fetch_optional(&mut *tx)
    .await?;

    let code = match balance {
        None => "14",                       // invalid card number
        Some(b) if b < amount => "51",      // insufficient funds
        Some(_) => {
            sqlx::query(
                "INSERT INTO authorizations (pan_hash, stan, amount_minor, status, created_at) \
                 VALUES (encode(sha256($1::bytea), 'hex'), $2, $3, 'held', now())",
            )
            .bind(pan.as_bytes())
            .bind(&stan)
            .bind(amount)
            .execute(&mut *tx)
            .await?;
            "00"
        }
    };
    tx.commit().await?;

    msg.mti = "0110".into();
    msg.fields.remove(&2);
    msg.fields.insert(39, code.into());
    if code == "00" {
        msg.fields.insert(38, format!("{:06}", stan.parse::<u32>().unwrap_or(0)));
    }
    Ok(msg)
}

fn echo(mut msg: Message) -> Message {
    msg.fields.insert(39, "00".into());
    Message { mti: "0810".into(), ..msg }
}
