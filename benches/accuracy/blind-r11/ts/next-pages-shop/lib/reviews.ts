import axios from 'axios';

export type Review = { author: string; rating: number; body: string };

export function reviewsApi() {
  return axios.create({
    baseURL: process.env.REVIEWS_API_URL,
    timeout: 3000,
    headers: { Authorization: `Bearer ${process.env.REVIEWS_API_TOKEN}` },
  });
}

export async function fetchReviews(slug: string): Promise<Review[]> {
  const { data } = await reviewsApi().get<Review[]>(`/products/${encodeURIComponent(slug)}/reviews`);
  return data;
}
