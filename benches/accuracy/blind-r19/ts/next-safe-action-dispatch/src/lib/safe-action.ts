import { createSafeActionClient } from "next-safe-action";
import { cookies } from "next/headers";

export const actionClient = createSafeActionClient({
  handleServerError(e) {
    console.error("[action]", e);
    return "The dispatch service hit an error.";
  },
});

export const dispatcherAction = actionClient.use(async ({ next }) => {
  const dispatcherId = cookies().get("dispatcher_id")?.value;
  if (!dispatcherId) throw new Error("not signed in");
  return next({ ctx: { dispatcherId } });
});
