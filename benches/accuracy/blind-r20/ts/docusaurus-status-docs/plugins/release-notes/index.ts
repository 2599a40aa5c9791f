import type { LoadContext, Plugin } from '@docusaurus/types';

interface Options {
  repo: string;
  maxReleases: number;
}

interface Release {
  tag_name: string;
  name: string;
  published_at: string;
  body: string;
  html_url: string;
}

export default function releaseNotesPlugin(_context: LoadContext, options: Options): Plugin<Release[]> {
  return {
    name: 'release-notes',

    async loadContent() {
      const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
      if (process.env.GITHUB_TOKEN) headers.authorization = `Bearer ${process.env.GITHUB_TOKEN}`;
      const res = await fetch(
        `https://api.github.com/repos/${options.repo}/releases?per_page=${options.maxReleases}`,
        { headers },
      );
      if (!res.ok) {
        console.warn(`[release-notes] GitHub returned ${res.status}, rendering without releases`);
        return [];
      }
      return (await res.json()) as Release[];
    },

    async contentLoaded({ content, actions }) {
      actions.setGlobalData({ releases: content });
    },
  };
}
