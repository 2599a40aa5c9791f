import { Regex, type SomeCompanionConfigField } from '@companion-module/base'

export interface ModuleConfig {
	showId: string
	redisUrl: string
	tallyUrl: string
	pollMs: number
	dbHost: string
	dbPort: number
	dbUser: string
	dbPassword: string
	dbName: string
}

export function GetConfigFields(): SomeCompanionConfigField[] {
	return [
		{ type: 'textinput', id: 'showId', label: 'Show ID', width: 4, default: 'main-stage' },
		{ type: 'textinput', id: 'redisUrl', label: 'Redis URL (cue bus)', width: 8, default: 'redis://127.0.0.1:6379' },
		{ type: 'textinput', id: 'tallyUrl', label: 'Tally server origin', width: 8, default: 'http://10.0.0.20:8088' },
		{ type: 'number', id: 'pollMs', label: 'Tally poll interval (ms)', width: 4, min: 100, max: 10000, default: 500 },
		{ type: 'textinput', id: 'dbHost', label: 'Cue log DB host', width: 6, regex: Regex.HOSTNAME, default: '10.0.0.5' },
		{ type: 'number', id: 'dbPort', label: 'Cue log DB port', width: 2, min: 1, max: 65535, default: 3306 },
		{ type: 'textinput', id: 'dbUser', label: 'DB user', width: 4, default: 'cuelog' },
		{ type: 'textinput', id: 'dbPassword', label: 'DB password', width: 4, default: '' },
		{ type: 'textinput', id: 'dbName', label: 'DB name', width: 4, default: 'stage' },
	]
}
