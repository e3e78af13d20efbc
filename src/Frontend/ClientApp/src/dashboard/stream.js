// The live snapshot of the cluster: the admin API's server-sent events, read through fetch
// (EventSource cannot send the key header); reconnects with backoff.
import { api, askForKey, headers } from "./api.js";
import { $ } from "./ui.js";

let streamAbort = null;
let onSnapshot = () => {};

async function stream() {
  let delay = 1000;
  while (true) {
    streamAbort = new AbortController();
    try {
      const response = await fetch(new URL("stream", api), { headers: headers({ accept: "text/event-stream" }), signal: streamAbort.signal });
      if (response.status === 401 || response.status === 403) {
        $("live-status").textContent = "needs an operator key";
        askForKey();
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      $("live-status").textContent = "live";
      $("live-status").classList.add("on");
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split("\n").filter(l => l.startsWith("data:")).map(l => l.slice(5).trimStart()).join("\n");
          if (data) onSnapshot(JSON.parse(data));
        }
      }
    } catch (e) {
      if (e.name === "AbortError") return;
    }
    $("live-status").textContent = "reconnecting…";
    $("live-status").classList.remove("on");
    await new Promise(r => setTimeout(r, delay));
    delay = Math.min(delay * 2, 15000);
  }
}

/** Starts the stream; `render` gets every snapshot. */
export function startStream(render) {
  onSnapshot = render;
  stream();
}

export function restartStream() {
  streamAbort?.abort();
  stream();
}
