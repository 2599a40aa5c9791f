export type SourceOptions = {
  connection_string: string;
  ssl_enabled: boolean;
  embeddings_api_url: string;
  embeddings_api_key: string;
  embeddings_model: string;
  cache_redis_url?: string;
  cache_ttl_seconds?: number;
};

export type Operation = 'similarity_search' | 'upsert_document' | 'delete_document';

export type QueryOptions = {
  operation: Operation;
  table: string;
  text?: string;
  document_id?: string;
  metadata?: string;
  top_k?: number;
  min_score?: number;
};

export type SearchHit = {
  id: string;
  content: string;
  metadata: Record<string, unknown>;
  score: number;
};

export type EmbeddingResponse = {
  data: { embedding: number[]; index: number }[];
  model: string;
};
