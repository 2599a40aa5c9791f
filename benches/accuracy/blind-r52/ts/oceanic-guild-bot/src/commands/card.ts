import {
  ApplicationCommandOptionTypes,
  ApplicationCommandTypes,
  CommandInteraction,
  type CreateApplicationCommandOptions,
} from 'oceanic.js';
import { Pool } from 'undici';

interface ScryfallCard {
  name: string;
  mana_cost?: string;
  type_line: string;
  oracle_text?: string;
  scryfall_uri: string;
  image_uris?: { normal: string };
  prices: { usd: string | null; eur: string | null };
}

export const definition: CreateApplicationCommandOptions = {
  type: ApplicationCommandTypes.CHAT_INPUT,
  name: 'card',
  description: 'Look up a Magic: The Gathering card',
  options: [
    {
      type: ApplicationCommandOptionTypes.STRING,
      name: 'name',
      description: 'Card name (fuzzy)',
      required: true,
    },
  ],
};

export async function run(interaction: CommandInteraction): Promise<void> {
  const name = interaction.data.options.getString('name', true);
  await interaction.defer();

  const scryfall = new Pool('https://api.scryfall.com', { connections: 2, keepAliveTimeout: 10_000 });
  const { statusCode, body } = await scryfall.request({
    path: `/cards/named?fuzzy=${encodeURIComponent(name)}`,
    method: 'GET',
    headers: { accept: 'application/json', 'user-agent': 'oceanic-guild-bot/2.1' },
  });

  if (statusCode === 404) {
    await body.dump();
    await interaction.createFollowup({ content: `No card matches “${name}”.` });
    return;
  }
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`scryfall responded ${statusCode}`);
  }

  const found = (await body.json()) as ScryfallCard;
  await interaction.createFollowup({
    embeds: [
      {
        title: `${found.name} ${found.mana_cost ?? ''}`.trim(),
        url: found.scryfall_uri,
        description: [found.type_line, found.oracle_text].filter(Boolean).join('\n\n'),
        image: found.image_uris ? { url: found.image_uris.normal } : undefined,
        footer: { text: `USD ${found.prices.usd ?? '—'} · EUR ${found.prices.eur ?? '—'}` },
      },
    ],
  });
}
