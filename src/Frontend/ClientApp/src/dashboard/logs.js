// The logs tab: polled while the tab is shown and "follow" is on.
import { call } from "./api.js";
import { $, formQuery, toast } from "./ui.js";

export async function loadLogs() {
  try {
    const page = await call(`logs?${formQuery($("log-filters"))}`);
    $("log-lines").replaceChildren(...page.items.map(e => {
      const li = document.createElement("li");
      li.className = `level-${e.level.toLowerCase()}`;
      li.textContent = `${new Date(e.at).toLocaleTimeString()} ${e.level.slice(0, 4).toUpperCase()} [${e.source}] ${e.message}${e.exception ? ` — ${e.exception}` : ""}`;
      return li;
    }));
  } catch (e) {
    toast(e.message, true);
  }
}

export const following = () => Boolean(new FormData($("log-filters")).get("follow"));

$("log-filters").addEventListener("input", () => loadLogs());
$("log-filters").addEventListener("submit", e => e.preventDefault());
