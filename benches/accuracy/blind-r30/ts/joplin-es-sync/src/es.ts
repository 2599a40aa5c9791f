import joplin from 'api';
import { Client } from '@elastic/elasticsearch';

export async function makeEsClient(): Promise<Client> {
	const node = await joplin.settings.value('esUrl');
	const apiKey = await joplin.settings.value('esApiKey');
	return new Client({
		node,
		auth: apiKey ? { apiKey } : undefined,
		requestTimeout: 10_000,
	});
}

export async function indexName(): Promise<string> {
	return (await joplin.settings.value('esIndex')) || 'joplin-notes';
}
