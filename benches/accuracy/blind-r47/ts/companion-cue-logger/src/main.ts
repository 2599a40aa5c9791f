import { InstanceBase, InstanceStatus, runEntrypoint, type SomeCompanionConfigField } from '@companion-module/base'
import { Redis } from 'ioredis'
import { Pool } from 'undici'
import { GetConfigFields, type ModuleConfig } from './config.js'
import { UpdateActions } from './actions.js'
import { UpdateFeedbacks } from './feedbacks.js'

interface TallyResponse {
	sources: Array<{ name: string; program: boolean; preview: boolean }>
}

export class CueLogInstance extends InstanceBase<ModuleConfig> {
	config!: ModuleConfig
	redis: Redis | null = null
	tally: Record<string, boolean> = {}
	private pollTimer: NodeJS.Timeout | null = null

	constructor(internal: unknown) {
		super(internal)
	}

	async init(config: ModuleConfig): Promise<void> {
		this.config = config
		this.setVariableDefinitions([{ variableId: 'last_cue', name: 'Last fired cue' }])
		this.connectBus()
		UpdateActions(this)
		UpdateFeedbacks(this)
		this.startPolling()
	}

	async destroy(): Promise<void> {
		if (this.pollTimer) clearInterval(this.pollTimer)
		this.pollTimer = null
		await this.redis?.quit()
		this.redis = null
	}

	async configUpdated(config: ModuleConfig): Promise<void> {
		this.config = config
		this.connectBus()
		this.startPolling()
	}

	getConfigFields(): SomeCompanionConfigField[] {
		return GetConfigFields()
	}

	private connectBus(): void {
		this.redis?.disconnect()
		this.updateStatus(InstanceStatus.Connecting)
		this.redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2 })
		this.redis.on('ready', () => this.updateStatus(InstanceStatus.Ok))
		this.redis.on('error', (err) => this.updateStatus(InstanceStatus.ConnectionFailure, err.message))
	}

	private startPolling(): void {
		if (this.pollTimer) clearInterval(this.pollTimer)
		this.pollTimer = setInterval(() => void this.pollTally(), this.config.pollMs || 500)
	}

	private async pollTally(): Promise<void> {
		const tallyServer = new Pool(this.config.tallyUrl, { connections: 2, keepAliveTimeout: 10_000 })
		try {
			const { statusCode, body } = await tallyServer.request({ method: 'GET', path: '/api/v1/tally' })
			if (statusCode !== 200) {
				await body.dump()
				return
			}
			const data = (await body.json()) as TallyResponse
			const next: Record<string, boolean> = {}
			for (const source of data.sources) next[source.name] = source.program
			this.tally = next
			this.checkFeedbacks('tally_program')
		} catch (err) {
			this.log('debug', `tally poll failed: ${(err as Error).message}`)
		}
	}
}

runEntrypoint(CueLogInstance, [])
