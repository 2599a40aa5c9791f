import { io, type Socket } from 'socket.io-client';
import { eventChannel, type EventChannel } from 'redux-saga';
import { call, cancel, cancelled, fork, put, take, takeEvery } from 'redux-saga/effects';
import type { Task } from 'redux-saga';
import { actions, type ChatMessage } from '../store';

const CHAT_URL = import.meta.env.VITE_CHAT_URL ?? 'https://chat.acme.support';

type SocketEvent =
  | { kind: 'message'; message: ChatMessage }
  | { kind: 'status'; status: 'online' | 'connecting' };

function createSocket(token: string): Socket {
  return io(CHAT_URL, {
    transports: ['websocket'],
    auth: { token },
    reconnectionDelayMax: 10_000,
  });
}

// Bridges socket events into the saga world; closing the channel detaches the handlers.
function socketChannel(socket: Socket): EventChannel<SocketEvent> {
  return eventChannel<SocketEvent>((emit) => {
    const onMessage = (message: ChatMessage) => emit({ kind: 'message', message });
    const onConnect = () => emit({ kind: 'status', status: 'online' });
    const onDisconnect = () => emit({ kind: 'status', status: 'connecting' });
    socket.on('message', onMessage);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    return () => {
      socket.off('message', onMessage);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
    };
  });
}

function* readSocket(socket: Socket) {
  const channel: EventChannel<SocketEvent> = yield call(socketChannel, socket);
  try {
    while (true) {
      const evt: SocketEvent = yield take(channel);
      if (evt.kind === 'message') yield put(actions.messageReceived(evt.message));
      else yield put(actions.connectionChanged(evt.status));
    }
  } finally {
    if ((yield cancelled()) as boolean) channel.close();
  }
}

function* writeSocket(socket: Socket) {
  yield takeEvery(actions.joinRoom.type, (a: ReturnType<typeof actions.joinRoom>) => {
    socket.emit('join', a.payload);
  });
  yield takeEvery(actions.leaveRoom.type, (a: ReturnType<typeof actions.leaveRoom>) => {
    socket.emit('leave', a.payload);
  });
  yield takeEvery(actions.sendMessage.type, (a: ReturnType<typeof actions.sendMessage>) => {
    socket.emit('message', { room: a.payload.room, body: a.payload.body });
  });
}

// One socket per login session: opened on loggedIn, torn down on loggedOut.
export function* rootSaga() {
  while (true) {
    const { payload }: ReturnType<typeof actions.loggedIn> = yield take(actions.loggedIn.type);
    const socket: Socket = yield call(createSocket, payload.token);
    const reader: Task = yield fork(readSocket, socket);
    const writer: Task = yield fork(writeSocket, socket);

    yield take(actions.loggedOut.type);
    yield cancel([reader, writer]);
    socket.disconnect();
  }
}
