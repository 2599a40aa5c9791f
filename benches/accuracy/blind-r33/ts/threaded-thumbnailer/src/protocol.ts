export interface ThumbJob {
  id: number;
  imageId: string;
  width: number;
}

export type ThumbResult =
  | { id: number; ok: true; key: string }
  | { id: number; ok: false; error: string };
