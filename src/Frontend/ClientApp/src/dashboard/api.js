// Talking to the admin API. Every URL is relative to the page, so the dashboard works behind a path
// prefix (an ingress serving it at /coderun/dashboard/). The operator key lives in sessionStorage.
import { $ } from "./ui.js";

export const api = new URL("../api/v1/admin/", location.href);
const keyStorage = "coderun.apiKey";

export function headers(extra = {}) {
  const key = sessionStorage.getItem(keyStorage);
  return key ? { ...extra, "X-Api-Key": key } : extra;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
  }
}

export async function call(path, options = {}) {
  const response = await fetch(new URL(path, api), {
    ...options,
    headers: headers(options.body ? { "content-type": "application/json" } : {}),
  });
  if (response.status === 401 || response.status === 403) askForKey();
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response.status === 204 ? null : response.json();
}

export function askForKey() {
  const dialog = $("key-dialog");
  if (!dialog.open) dialog.showModal();
}

/** Wires the key button and dialog; `onKey` runs after the operator entered a key. */
export function setupKeyDialog(onKey) {
  $("key-button").addEventListener("click", askForKey);
  $("key-dialog").addEventListener("close", () => {
    if ($("key-dialog").returnValue !== "ok") return;
    sessionStorage.setItem(keyStorage, $("key-input").value.trim());
    $("key-input").value = "";
    onKey();
  });
}
