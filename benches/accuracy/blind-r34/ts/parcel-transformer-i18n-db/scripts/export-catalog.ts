// One-off: dump the translation catalog for a locale to JSON for the
// translators. Usage: npm run export-catalog -- de > de.json
import mysql, { type RowDataPacket } from 'mysql2/promise';

async function main() {
  const locale = process.argv[2];
  if (!locale) {
    console.error('usage: export-catalog <locale>');
    process.exit(2);
  }
  const conn = await mysql.createConnection(process.env.I18N_DATABASE_URL!);
  try {
    const [rows] = await conn.query<RowDataPacket[]>(
      'SELECT msg_key, msg_text, updated_at FROM translations WHERE locale = ? ORDER BY msg_key',
      [locale],
    );
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } finally {
    await conn.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
