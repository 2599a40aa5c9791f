export type RenderJob = {
  id: number;
  bucket: string;
  sourceKey: string;
  widths: number[];
};

export type ParentMessage = { type: 'render'; job: RenderJob };
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'done'; jobId: number }
  | { type: 'failed'; jobId: number; error: string };
