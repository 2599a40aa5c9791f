import { configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import createSagaMiddleware from 'redux-saga';
import { rootSaga } from './sagas/chat';

export interface ChatMessage {
  id: string;
  room: string;
  author: string;
  body: string;
  sentAt: string;
}

interface ChatState {
  token: string | null;
  status: 'offline' | 'connecting' | 'online';
  joined: string[];
  messages: Record<string, ChatMessage[]>;
}

const initialState: ChatState = { token: null, status: 'offline', joined: [], messages: {} };

const chat = createSlice({
  name: 'chat',
  initialState,
  reducers: {
    loggedIn: (s, a: PayloadAction<{ token: string }>) => {
      s.token = a.payload.token;
      s.status = 'connecting';
    },
    loggedOut: (s) => {
      s.token = null;
      s.status = 'offline';
      s.joined = [];
    },
    connectionChanged: (s, a: PayloadAction<ChatState['status']>) => {
      s.status = a.payload;
    },
    joinRoom: (s, a: PayloadAction<string>) => {
      if (!s.joined.includes(a.payload)) s.joined.push(a.payload);
    },
    leaveRoom: (s, a: PayloadAction<string>) => {
      s.joined = s.joined.filter((r) => r !== a.payload);
    },
    sendMessage: (_s, _a: PayloadAction<{ room: string; body: string }>) => undefined,
    messageReceived: (s, a: PayloadAction<ChatMessage>) => {
      (s.messages[a.payload.room] ??= []).push(a.payload);
    },
  },
});

export const actions = chat.actions;

const saga = createSagaMiddleware();

export const store = configureStore({
  reducer: { chat: chat.reducer },
  middleware: (getDefault) => getDefault({ thunk: false }).concat(saga),
});

saga.run(rootSaga);

export type RootState = ReturnType<typeof store.getState>;
export type AppDispatch = typeof store.dispatch;
