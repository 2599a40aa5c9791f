import { createConsumer } from "@rails/actioncable";

// One ActionCable connection for the whole SPA.
export const consumer = createConsumer("/cable");
