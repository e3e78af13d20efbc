// What each close code of the session API means, in words for the terminal.
const messages = {
  1000: "The session ended.",
  1001: "The server is shutting down. Run again in a moment.",
  1006: "The connection to the session service was lost.",
  1011: "The server hit an internal error and ended the session.",
  4400: "The server refused the session: the request was not valid.",
  4401: "Unauthorized: enter a valid API key under “API key” and run again.",
  4408: "The session was closed because it was idle for too long.",
  4409: "The session reached its time limit.",
  4413: "The program wrote more output than a session may show.",
  4429: "Too many requests: wait a moment, then run again.",
  4502: "The node that ran the program was lost. Run again.",
  4503: "No capacity right now (or the service is under maintenance). Try again shortly.",
};

/**
 * A sentence for a close that came before the program's exit. `opened` tells a refused or
 * unreachable endpoint (1006 before the socket opened) from a connection lost midway.
 */
export function closeMessage(code, reason, opened) {
  if (code === 1006 && !opened)
    return "Could not open an interactive session (the session service is unreachable or not available here). “Run with stdin” runs the program in batch mode.";
  const text = messages[code] ?? `The session closed (code ${code}).`;
  return reason ? `${text} (${reason})` : text;
}
