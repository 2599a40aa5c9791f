use crate::fix::Message;
use crate::{db, risk, Session};

pub struct NewOrder {
    pub cl_ord_id: String,
    pub symbol: String,
    pub side: String,
    pub qty: f64,
    pub ord_type: String,
    pub price: Option<f64>,
}

impl NewOrder {
    fn from_fix(msg: &Message) -> anyhow::Result<NewOrder> {
        let req = |tag: u32| msg.get(tag).map(str::to_string).ok_or_else(|| anyhow::anyhow!("missing tag {tag}"));
        Ok(NewOrder {
            cl_ord_id: req(11)?,
            symbol: req(55)?,
            side: req(54)?,
            qty: req(38)?.parse()?,
            ord_type: req(40)?,
            price: msg.get(44).map(str::parse).transpose()?,
        })
    }
}

/// Runs once per NewOrderSingle (35=D) received on a session.
pub async fn handle_new_order(session: &mut Session, msg: &Message) -> anyhow::Result<Vec<u8>> {
    let order = match NewOrder::from_fix(msg) {
        Ok(o) => o,
        Err(e) => return Ok(session.reply("3", &[(58, e.to_string())])),
    };
    let account = session.account.clone().unwrap_or_default();

    let decision = risk::pre_trade_check(&account, &order).await?;
    if !decision.accepted {
        let reason = decision.reason.unwrap_or_else(|| "risk reject".into());
        return Ok(exec_report(session, &order, "0", "8", "8", Some(reason)));
    }

    let db = db::connect().await?;
    let row = db
        .query_one(
            "INSERT INTO orders (account, cl_ord_id, symbol, side, qty, ord_type, price, status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'new') RETURNING id",
            &[&account, &order.cl_ord_id, &order.symbol, &order.side, &order.qty, &order.ord_type, &order.price],
        )
        .await?;
    let order_id: i64 = row.get(0);
    Ok(exec_report(session, &order, &order_id.to_string(), "0", "0", None))
}

fn exec_report(s: &mut Session, o: &NewOrder, order_id: &str, exec_type: &str, status: &str, text: Option<String>) -> Vec<u8> {
    let mut body = vec![
        (37, order_id.to_string()),
        (11, o.cl_ord_id.clone()),
        (17, format!("{}-{}", o.cl_ord_id, exec_type)),
        (150, exec_type.to_string()),
        (39, status.to_string()),
        (55, o.symbol.clone()),
        (54, o.side.clone()),
        (151, o.qty.to_string()),
    ];
    body.extend(text.map(|t| (58, t)));
    s.reply("8", &body)
}
