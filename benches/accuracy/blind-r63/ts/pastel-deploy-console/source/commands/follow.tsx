import React, {useEffect, useState} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import Spinner from 'ink-spinner';
import zod from 'zod';
import pg from 'pg';
import {releaseDbConfig, type Release} from '../db.js';

export const args = zod.tuple([zod.string().describe('service')]);
export const options = zod.object({
	env: zod.string().default('staging').describe('Environment'),
	interval: zod.number().default(2000).describe('Poll interval in ms'),
});

type Props = {
	args: zod.infer<typeof args>;
	options: zod.infer<typeof options>;
};

// `deployctl follow <service>`: keeps one connection for the whole session and
// polls the latest release until it finishes or the user presses q.
export default function Follow({args, options}: Props) {
	const [service] = args;
	const {exit} = useApp();
	const [release, setRelease] = useState<Release | undefined>();
	const [error, setError] = useState<string | undefined>();

	useInput(input => {
		if (input === 'q') exit();
	});

	useEffect(() => {
		const client = new pg.Client(releaseDbConfig(options.env));
		let stopped = false;

		const poll = async () => {
			const {rows} = await client.query<Release>(
				'select id, service, version, status, progress, started_at from releases where service = $1 order by started_at desc limit 1',
				[service],
			);
			if (stopped) return;
			setRelease(rows[0]);
			if (rows[0] && (rows[0].status === 'done' || rows[0].status === 'failed')) exit();
		};

		let timer: NodeJS.Timeout | undefined;
		client
			.connect()
			.then(poll)
			.then(() => {
				if (stopped) return;
				timer = setInterval(() => {
					poll().catch(error_ => setError(String(error_)));
				}, options.interval);
			})
			.catch(error_ => setError(String(error_)));

		return () => {
			stopped = true;
			if (timer) clearInterval(timer);
			void client.end();
		};
	}, [service, options.env, options.interval]);

	if (error) return <Text color="red">{error}</Text>;
	if (!release) {
		return (
			<Text>
				<Spinner type="dots" /> waiting for {service}
			</Text>
		);
	}
	return (
		<Box flexDirection="column">
			<Text bold>
				{release.service} {release.version}
			</Text>
			<Text>
				{release.status} {Math.round(release.progress * 100)}%
			</Text>
			<Text dimColor>press q to quit</Text>
		</Box>
	);
}
