export interface Transfer {
  blockNumber: number;
  blockHash: string;
  eventIndex: number;
  from: string;
  to: string;
  amountPlanck: bigint;
}
