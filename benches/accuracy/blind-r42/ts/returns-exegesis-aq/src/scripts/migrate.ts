import oracledb from 'oracledb'

// Release phase: runs once per deploy, then exits.
const statements = [
  `CREATE TABLE returns (
     id NUMBER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     order_id VARCHAR2(40) NOT NULL,
     sku VARCHAR2(40) NOT NULL,
     reason VARCHAR2(20) NOT NULL,
     status VARCHAR2(20) NOT NULL,
     refunded_cents NUMBER,
     created_at TIMESTAMP NOT NULL)`,
  `BEGIN
     DBMS_AQADM.CREATE_QUEUE_TABLE(queue_table => 'RETURNS_REFUND_QT', queue_payload_type => 'JSON');
     DBMS_AQADM.CREATE_QUEUE(queue_name => 'RETURNS_REFUND_Q', queue_table => 'RETURNS_REFUND_QT');
     DBMS_AQADM.START_QUEUE(queue_name => 'RETURNS_REFUND_Q');
   END;`,
]

async function main() {
  const conn = await oracledb.getConnection({
    user: process.env.ORACLE_USER,
    password: process.env.ORACLE_PASSWORD,
    connectString: process.env.ORACLE_CONNECT_STRING,
  })
  try {
    for (const sql of statements) {
      try {
        await conn.execute(sql)
      } catch (err: any) {
        // ORA-00955 / ORA-24001: object already exists from a previous release.
        if (err.errorNum !== 955 && err.errorNum !== 24001) throw err
      }
    }
  } finally {
    await conn.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
