import PubNub from "pubnub";

export const DISPATCHER_ID = localStorage.getItem("dispatcherId") ?? "dispatcher-anon";

export const pubnub = new PubNub({
  publishKey: import.meta.env.VITE_PUBNUB_PUBLISH_KEY,
  subscribeKey: import.meta.env.VITE_PUBNUB_SUBSCRIBE_KEY,
  userId: DISPATCHER_ID,
});

export interface Position {
  vehicleId: string;
  lat: number;
  lng: number;
  speedKph: number;
  at: string;
}
