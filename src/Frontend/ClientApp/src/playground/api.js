// The service's HTTP API. Every path is relative to the page, so the playground also works behind
// a reverse proxy that serves it under a path prefix (https://example.org/coderun/).

const keyItem = "coderun.apiKey";

/** The API key the user entered (kept in localStorage), or "". */
export function apiKey() {
  try {
    return localStorage.getItem(keyItem) ?? "";
  } catch {
    return ""; // storage disabled (private mode): the key lives as long as the page
  }
}

export function setApiKey(key) {
  try {
    if (key) localStorage.setItem(keyItem, key);
    else localStorage.removeItem(keyItem);
  } catch {
    // storage disabled: nothing to keep
  }
}

/** An answer that is not 2xx; `problem` is its RFC 7807 body when it has one. */
export class ApiError extends Error {
  constructor(status, problem, text) {
    super(describe(status, problem, text));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem, text) {
  if (!problem || typeof problem !== "object") return `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ""}`;
  const lines = [`${problem.title ?? "Request failed"} (${status})`];
  if (problem.detail) lines.push(problem.detail);
  for (const [field, messages] of Object.entries(problem.errors ?? {})) lines.push(`${field}: ${[].concat(messages).join(", ")}`);
  if (status === 401) lines.push("Enter a valid API key under “API key” and try again.");
  return lines.join("\n");
}

async function send(method, path, body, signal) {
  const headers = { Accept: "application/json" };
  const key = apiKey();
  if (key) headers["X-Api-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a proxy's error page): described by its text
  }
  if (!response.ok) throw new ApiError(response.status, json, text);
  return { status: response.status, body: json };
}

export const getLanguages = () => send("GET", "api/v1/languages");
export const runBatch = (request, signal) => send("POST", "api/v1/runs", request, signal);
export const getSubmission = (id, signal) => send("GET", `api/v1/submissions/${encodeURIComponent(id)}`, undefined, signal);
export const cancelSubmission = id => send("DELETE", `api/v1/submissions/${encodeURIComponent(id)}`);
export const createSnippet = snippet => send("POST", "api/v1/snippets", snippet);
export const getSnippet = id => send("GET", `api/v1/snippets/${encodeURIComponent(id)}`);

/** The WebSocket address of the session API: ws(s) as the page, the key as a query parameter (a browser cannot set headers on a WebSocket). */
export function sessionUrl() {
  const url = new URL("api/v1/sessions", document.baseURI);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const key = apiKey();
  if (key) url.searchParams.set("apiKey", key);
  return url.href;
}
