use crate::messages::warehouse::{ScanBarcode, ScanResult};
use crate::{DockConfig, Result};
use tokio_postgres::NoTls;

pub async fn listen_scans(config: DockConfig) -> Result<()> {
    let mut receiver = ScanBarcode::get_dart_signal_receiver()?;
    while let Some(dart_signal) = receiver.recv().await {
        let scan: ScanBarcode = dart_signal.message;
        match handle_scan(&config, &scan).await {
            Ok(result) => result.send_signal_to_dart(),
            Err(err) => {
                rinf::debug_print!("scan {} failed: {err}", scan.barcode);
                ScanResult {
                    barcode: scan.barcode.clone(),
                    known: false,
                    ..Default::default()
                }
                .send_signal_to_dart();
            }
        }
    }
    Ok(())
}

async fn handle_scan(config: &DockConfig, scan: &ScanBarcode) -> Result<ScanResult> {
    let (client, connection) = tokio_postgres::connect(&config.pg_dsn, NoTls).await?;
    tokio::spawn(async move {
        if let Err(err) = connection.await {
            rinf::debug_print!("wms connection error: {err}");
        }
    });

    let row = client
        .query_opt(
            "SELECT i.sku, i.description, COALESCE(s.on_hand, 0) \
             FROM item_barcodes b JOIN items i ON i.sku = b.sku \
             LEFT JOIN stock s ON s.sku = i.sku AND s.site = 'LEJ' \
             WHERE b.barcode = $1",
            &[&scan.barcode],
        )
        .await?;

    let Some(row) = row else {
        return Ok(ScanResult {
            barcode: scan.barcode.clone(),
            known: false,
            ..Default::default()
        });
    };

    let sku: String = row.get(0);
    client
        .execute(
            "INSERT INTO dock_receipts (sku, dock, quantity, scanned_at) VALUES ($1, $2, $3, now())",
            &[&sku, &scan.dock, &scan.quantity],
        )
        .await?;

    Ok(ScanResult {
        barcode: scan.barcode.clone(),
        known: true,
        sku,
        description: row.get(1),
        on_hand: row.get::<_, i32>(2) + scan.quantity,
    })
}
