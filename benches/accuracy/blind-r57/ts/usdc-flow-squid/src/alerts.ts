import {Pool} from 'undici'

const WEBHOOK_ORIGIN = process.env.ALERT_WEBHOOK_ORIGIN ?? 'https://hooks.treasury.internal'
const WEBHOOK_PATH = process.env.ALERT_WEBHOOK_PATH ?? '/v1/alerts/usdc'
const USDC_DECIMALS = 6n

export interface WhaleAlert {
    txHash: string
    from: string
    to: string
    value: bigint
    blockNumber: number
    timestamp: Date
}

interface Logger {
    info(msg: string): void
    warn(msg: string): void
}

export function formatUsdc(value: bigint): string {
    const unit = 10n ** USDC_DECIMALS
    const whole = value / unit
    const cents = (value % unit) / 10_000n
    return `${whole.toLocaleString('en-US')}.${cents.toString().padStart(2, '0')}`
}

function toPayload(alert: WhaleAlert) {
    return {
        kind: 'usdc.whale_transfer',
        tx: alert.txHash,
        from: alert.from,
        to: alert.to,
        amount: formatUsdc(alert.value),
        block: alert.blockNumber,
        at: alert.timestamp.toISOString(),
    }
}

// Called by the batch handler for every batch that contains large transfers.
export async function postWhaleAlerts(alerts: WhaleAlert[], log: Logger): Promise<void> {
    if (alerts.length === 0) return

    const hooks = new Pool(WEBHOOK_ORIGIN, {connections: 4, keepAliveTimeout: 30_000})

    for (const alert of alerts) {
        const res = await hooks.request({
            path: WEBHOOK_PATH,
            method: 'POST',
            headers: {'content-type': 'application/json'},
            body: JSON.stringify(toPayload(alert)),
        })
        if (res.statusCode >= 300) {
            log.warn(`alert webhook answered ${res.statusCode} for ${alert.txHash}`)
        }
        await res.body.dump()
    }
    log.info(`posted ${alerts.length} whale alerts`)
}
