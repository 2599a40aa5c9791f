use postgres::{Client, NoTls};

pub struct OpenOrder {
    pub id: i64,
    pub customer: String,
    pub lines: i64,
    pub carrier: String,
}

/// Read side for the order list panel.
pub struct OrdersRepo {
    client: Client,
}

impl OrdersRepo {
    pub fn connect(url: &str) -> Result<Self, postgres::Error> {
        let client = Client::connect(url, NoTls)?;
        Ok(Self { client })
    }

    pub fn open_orders(&mut self) -> Result<Vec<OpenOrder>, postgres::Error> {
        let rows = self.client.query(
            "SELECT o.id, c.name, count(l.id), o.carrier \
             FROM orders o \
             JOIN customers c ON c.id = o.customer_id \
             JOIN order_lines l ON l.order_id = o.id \
             WHERE o.status IN ('released', 'picking') \
             GROUP BY o.id, c.name, o.carrier \
             ORDER BY o.cutoff_at \
             LIMIT 200",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| OpenOrder {
                id: r.get(0),
                customer: r.get(1),
                lines: r.get(2),
                carrier: r.get(3),
            })
            .collect())
    }
}
