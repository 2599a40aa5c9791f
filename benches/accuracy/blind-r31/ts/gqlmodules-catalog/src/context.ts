export interface AppContext {
  shopId: string;
  userId: string | null;
}
