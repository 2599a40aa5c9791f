const { Pool } = require('pg');

// Connection to the ERP warehouse replica (read-only role).
function openWarehouse() {
  return new Pool({
    connectionString: process.env.WAREHOUSE_DATABASE_URL,
    max: 5,
    statement_timeout: 4000
  });
}

function toStockRow(row) {
  return {
    sku: row.sku,
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
    warehouse: row.warehouse_code
  };
}

module.exports = { openWarehouse, toStockRow };
