// One interactive run over the session API (GET api/v1/sessions, upgraded to a WebSocket; JSON
// text frames). The client sends "start" first, then stdin, eof, signal and resize messages; the
// server answers status, compile, stdout/stderr, exit and error messages, then closes.

/** Bytes of a base64 payload (output that is not valid UTF-8). */
function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class Session {
  /**
   * @param {string} url the session endpoint (ws: or wss:)
   * @param {object} start the "start" message: language, files, args, tty, cols, rows
   * @param {object} on handlers: open(), status(state), compile(text), output(chunk, stream),
   *   exit(result), error(code, message), close(code, reason, {opened, exited})
   */
  constructor(url, start, on) {
    this.on = on;
    this.opened = false;
    this.exited = false;
    this.closed = false;
    // Keys typed before the socket opens are kept and sent after "start", not lost.
    this.pending = [];
    this.socket = new WebSocket(url);
    this.socket.addEventListener("open", () => {
      this.opened = true;
      this.socket.send(JSON.stringify({ type: "start", ...start }));
      for (const message of this.pending.splice(0)) this.socket.send(message);
      on.open?.();
    });
    this.socket.addEventListener("message", event => this.receive(event.data));
    this.socket.addEventListener("close", event => {
      this.closed = true;
      on.close?.(event.code, event.reason, { opened: this.opened, exited: this.exited });
    });
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return; // not ours to interpret; the protocol sends JSON text only
    }
    const payload = () => (typeof message.base64 === "string" ? decodeBase64(message.base64) : message.data ?? "");
    switch (message.type) {
      case "status": this.on.status?.(message.state); break;
      case "compile": this.on.compile?.(payload()); break;
      case "stdout":
      case "stderr": this.on.output?.(payload(), message.type); break;
      case "exit": this.exited = true; this.on.exit?.(message.result ?? {}); break;
      case "error": this.on.error?.(message.code, message.message ?? ""); break;
    }
  }

  send(message) {
    if (this.closed || this.exited) return;
    const text = JSON.stringify(message);
    if (this.opened) this.socket.send(text);
    else this.pending.push(text);
  }

  /** Keys typed in the terminal. In tty mode Ctrl-C (\x03) and Ctrl-D (\x04) travel as bytes: the pty turns them into SIGINT and end of input. */
  stdin(data) { this.send({ type: "stdin", data }); }

  eof() { this.send({ type: "eof" }); }

  signal(name) { this.send({ type: "signal", signal: name }); }

  resize(cols, rows) { if (this.opened) this.send({ type: "resize", cols, rows }); }

  /** The Stop button: SIGKILL, and the socket closed from this side if the server has not ended the session in a few seconds. */
  kill() {
    if (this.closed) return;
    if (!this.opened) {
      this.socket.close(1000, "stopped");
      return;
    }
    this.signal("SIGKILL");
    setTimeout(() => { if (!this.closed) this.socket.close(1000, "stopped"); }, 3000);
  }

  close() {
    if (!this.closed) this.socket.close(1000, "closed by the page");
  }
}
