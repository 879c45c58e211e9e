import { toLogin } from './api.js';

/** The console's socket: reconnects with backoff; `onReady` runs after every (re)connect so the page can resubscribe. */
export function connectLive({ onFrame, onReady, onStatus }) {
  let ws = null;
  let delay = 1000;
  function open() {
    ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/agent/ws`);
    onStatus('connecting');
    ws.onmessage = (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame.type === 'ready') {
        delay = 1000;
        onStatus('live');
        onReady();
      }
      onFrame(frame);
    };
    ws.onclose = (event) => {
      if (event.code === 4401) return toLogin();
      onStatus('offline');
      setTimeout(open, delay);
      delay = Math.min(30000, delay * 2);
    };
  }
  open();
  return {
    send(frame) {
      if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
    },
  };
}
