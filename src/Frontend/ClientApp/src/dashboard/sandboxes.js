// The sandboxes tab: every silo's sandboxes, filtered and paged on the server.
import { call } from "./api.js";
import { $, cell, duration, formQuery, pager, short, toast } from "./ui.js";

let sandboxOffset = 0;
export async function loadSandboxes(offset = 0) {
  sandboxOffset = offset;
  try {
    const page = await call(`sandboxes?${formQuery($("sandbox-filters"), offset)}`);
    $("sandbox-rows").replaceChildren(...page.items.map(s => {
      const tr = document.createElement("tr");
      tr.dataset.testid = "sandbox-row";
      const age = (Date.now() - new Date(s.createdAt)) / 1000;
      tr.append(cell("Sandbox", short(s.id)), cell("Silo", s.siloName), cell("Language", s.language), cell("State", s.state),
        cell("Age", duration(age)), cell("Runs", s.runsServed), cell("Last verdict", s.lastVerdict), cell("Runtime", s.runtime));
      return tr;
    }));
    pager($("sandbox-pager"), page, loadSandboxes);
    if (page.unreachable?.length) toast(`No answer from ${page.unreachable.join(", ")}`, true);
  } catch (e) {
    toast(e.message, true);
  }
}

/** Reloads the page of sandboxes shown now. */
export const reloadSandboxes = () => loadSandboxes(sandboxOffset);

$("sandbox-filters").addEventListener("submit", e => { e.preventDefault(); loadSandboxes(); });
