import { Pool } from 'undici';

export interface TiltifyDonation {
  id: string;
  donor_name: string;
  amount: { value: string; currency: string };
  donor_comment: string | null;
  completed_at: string;
}

export interface TiltifyPage<T> {
  data: T[];
  metadata: { after: string | null };
}

/** Creates an HTTP client for the Tiltify v5 API. */
export function makeTiltifyClient(token: string) {
  const pool = new Pool('https://v5api.tiltify.com', {
    connections: 4,
    keepAliveTimeout: 60_000,
  });

  return {
    async donations(campaignId: string, after?: string): Promise<TiltifyPage<TiltifyDonation>> {
      const query = new URLSearchParams({ limit: '50', ...(after ? { after } : {}) });
      const { statusCode, body } = await pool.request({
        method: 'GET',
        path: `/api/public/campaigns/${campaignId}/donations?${query}`,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      });
      if (statusCode >= 400) {
        await body.dump();
        throw new Error(`Tiltify responded ${statusCode}`);
      }
      return (await body.json()) as TiltifyPage<TiltifyDonation>;
    },
    close: () => pool.close(),
  };
}
