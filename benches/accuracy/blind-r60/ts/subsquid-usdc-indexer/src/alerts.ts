import { Pool } from 'pg'

// Whale alerts live in the risk team's database, not in the squid's own schema.
export function alertsDb(): Pool {
    return new Pool({
        connectionString: process.env.RISK_DATABASE_URL,
        max: 2,
        application_name: 'usdc-squid-alerts',
    })
}

export interface WhaleTransfer {
    txHash: string
    from: string
    to: string
    value: bigint
    block: number
    timestamp: Date
}

export async function insertWhaleAlerts(pool: Pool, whales: WhaleTransfer[]): Promise<void> {
    for (const w of whales) {
        await pool.query(
            `INSERT INTO whale_alerts (tx_hash, from_addr, to_addr, amount, block, seen_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tx_hash) DO NOTHING`,
            [w.txHash, w.from, w.to, w.value.toString(), w.block, w.timestamp],
        )
    }
}
