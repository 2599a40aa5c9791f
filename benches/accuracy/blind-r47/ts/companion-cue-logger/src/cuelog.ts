import mysql from 'mysql2/promise'
import type { ModuleConfig } from './config.js'

export interface CueEntry {
	cue: string
	department: string
	controlId: string
	firedAt: Date
}

// Writes one fired cue to the stage-management database so the SM report
// can be generated after the show.
export async function recordCue(config: ModuleConfig, entry: CueEntry): Promise<void> {
	const pool = mysql.createPool({
		host: config.dbHost,
		port: config.dbPort,
		user: config.dbUser,
		password: config.dbPassword,
		database: config.dbName,
		connectionLimit: 4,
	})
	await pool.execute(
		'INSERT INTO cue_log (show_id, cue, department, control_id, fired_at) VALUES (?, ?, ?, ?, ?)',
		[config.showId, entry.cue, entry.department, entry.controlId, entry.firedAt],
	)
}
