// One-off: run by hand before recording new reference bitmaps.
const mysql = require('mysql2/promise');

async function main() {
  const conn = await mysql.createConnection(process.env.STAGING_DB_URL);
  try {
    await conn.beginTransaction();
    await conn.query('DELETE FROM cart_items WHERE customer_id IN (SELECT id FROM customers WHERE email LIKE "visual-tests@%")');
    await conn.query('DELETE FROM orders WHERE source = "visual-test"');
    await conn.query('UPDATE products SET stock = 50 WHERE sku IN ("SKU-1001", "SKU-2040", "SKU-3310")');
    await conn.commit();
    console.log('staging fixtures reset');
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    await conn.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
