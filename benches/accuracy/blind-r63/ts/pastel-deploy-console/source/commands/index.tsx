import React, {useEffect, useState} from 'react';
import {Box, Text, useApp} from 'ink';
import zod from 'zod';
import pg from 'pg';
import {releaseDbConfig, type Release} from '../db.js';

export const options = zod.object({
	env: zod.string().default('staging').describe('Environment'),
	limit: zod.number().default(10).describe('How many releases to list'),
});

type Props = {options: zod.infer<typeof options>};

// `deployctl` with no sub-command: one query, print, exit.
export default function Index({options}: Props) {
	const {exit} = useApp();
	const [rows, setRows] = useState<Release[] | undefined>();
	const [error, setError] = useState<string | undefined>();

	useEffect(() => {
		const client = new pg.Client(releaseDbConfig(options.env));
		(async () => {
			try {
				await client.connect();
				const result = await client.query<Release>(
					'select id, service, version, status, progress, started_at from releases order by started_at desc limit $1',
					[options.limit],
				);
				setRows(result.rows);
			} catch (error_) {
				setError(String(error_));
			} finally {
				await client.end();
				exit();
			}
		})();
	}, []);

	if (error) return <Text color="red">{error}</Text>;
	if (!rows) return <Text dimColor>loading…</Text>;
	return (
		<Box flexDirection="column">
			{rows.map(r => (
				<Text key={r.id}>
					{r.service.padEnd(20)} {r.version.padEnd(12)} {r.status}
				</Text>
			))}
		</Box>
	);
}
