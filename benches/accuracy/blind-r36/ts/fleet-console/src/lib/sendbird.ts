import SendbirdChat from "@sendbird/chat";
import { GroupChannelModule, type SendbirdGroupChat } from "@sendbird/chat/groupChannel";

export const sendbird = SendbirdChat.init({
  appId: import.meta.env.VITE_SENDBIRD_APP_ID,
  modules: [new GroupChannelModule()],
}) as SendbirdGroupChat;
