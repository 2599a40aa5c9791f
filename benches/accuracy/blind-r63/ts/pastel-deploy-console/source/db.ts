import pg from 'pg';

export function releaseDbConfig(env: string): pg.ClientConfig {
	const connectionString = process.env[`RELEASES_${env.toUpperCase()}_URL`];
	if (!connectionString) {
		throw new Error(`RELEASES_${env.toUpperCase()}_URL is not set`);
	}
	return {connectionString, application_name: 'deployctl', statement_timeout: 10_000};
}

export type Release = {
	id: number;
	service: string;
	version: string;
	status: 'queued' | 'rolling' | 'done' | 'failed';
	progress: number;
	started_at: Date;
};
