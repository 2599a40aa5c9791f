export const THUMBNAIL_QUEUE = 'thumbnails'

export type ThumbnailJob = {
  imageId: string
  key: string
  sizes: number[]
}
