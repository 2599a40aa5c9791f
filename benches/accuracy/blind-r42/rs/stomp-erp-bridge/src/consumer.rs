use bb8::PooledConnection;
use bb8_tiberius::ConnectionManager;
use futures::{SinkExt, StreamExt};
use serde::Deserialize;
use tokio_stomp_2::{client, FromServer};

use crate::audit::Audit;
use crate::erp;
use crate::inventory::{self, WmsPool};

#[derive(Deserialize)]
struct ShipmentConfirmed {
    order_no: String,
    sku: String,
    warehouse: String,
    qty: i32,
    carrier: String,
}

pub struct Consumer {
    wms: WmsPool,
    audit: Audit,
    /// Ledger writes go through one dedicated WMS connection.
    ledger: PooledConnection<'static, ConnectionManager>,
}

impl Consumer {
    pub async fn new(wms: WmsPool, audit: Audit) -> anyhow::Result<Self> {
        let ledger = wms.get_owned().await?;
        Ok(Self { wms, audit, ledger })
    }

    pub async fn run(mut self, broker: &str, queue: &str) -> anyhow::Result<()> {
        let mut conn = client::connect(broker, None, None).await?;
        conn.send(client::subscribe(queue, "erp-bridge-1")).await?;
        tracing::info!(%queue, "subscribed");

        while let Some(frame) = conn.next().await {
            let frame = frame?;
            if let FromServer::Message { body: Some(body), message_id, .. } = frame.content {
                let text = String::from_utf8_lossy(&body).into_owned();
                if let Err(e) = self.handle(&text).await {
                    tracing::error!(%message_id, error = %e, "shipment not booked");
                }
            }
        }
        Ok(())
    }

    async fn handle(&mut self, text: &str) -> anyhow::Result<()> {
        let msg: ShipmentConfirmed = serde_json::from_str(text)?;
        self.audit.record(&msg.order_no, text).await?;

        inventory::decrement(&self.wms, &msg.sku, &msg.warehouse, msg.qty).await?;

        self.ledger
            .execute(
                "INSERT INTO stock_ledger (sku, warehouse, delta, reason) VALUES (@P1, @P2, @P3, 'SHIPPED')",
                &[&msg.sku.as_str(), &msg.warehouse.as_str(), &(-msg.qty)],
            )
            .await?;

        let mut erp = erp::connect().await?;
        erp.execute(
            "EXEC dbo.usp_BookShipment @OrderNo = @P1, @Carrier = @P2",
            &[&msg.order_no.as_str(), &msg.carrier.as_str()],
        )
        .await?;
        Ok(())
    }
}
