export interface FieldDoc {
  _id: string;
  _rev?: string;
  type: "inspection" | "defect" | "photo";
  siteId: string;
  inspectorId: string;
  createdAt: string;
  [key: string]: unknown;
}
