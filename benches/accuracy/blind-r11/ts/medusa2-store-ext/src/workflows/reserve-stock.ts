import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from '@medusajs/framework/workflows-sdk';
import { Modules } from '@medusajs/framework/utils';
import { acquireLock } from '../lib/locks';

type ReserveInput = { variantId: string; locationId: string; quantity: number };

const reserveStep = createStep(
  'acme-reserve-stock',
  async (input: ReserveInput, { container }) => {
    const release = await acquireLock(`stock:${input.variantId}`);
    if (!release) throw new Error(`stock for ${input.variantId} is locked`);
    try {
      const inventory = container.resolve(Modules.INVENTORY);
      const [reservation] = await inventory.createReservationItems([
        { inventory_item_id: input.variantId, location_id: input.locationId, quantity: input.quantity },
      ]);
      return new StepResponse(reservation, reservation.id);
    } finally {
      await release();
    }
  },
  async (reservationId, { container }) => {
    if (!reservationId) return;
    const inventory = container.resolve(Modules.INVENTORY);
    await inventory.deleteReservationItems([reservationId]);
  },
);

export const reserveStockWorkflow = createWorkflow('acme-reserve-stock', (input: ReserveInput) => {
  const reservation = reserveStep(input);
  return new WorkflowResponse(reservation);
});
