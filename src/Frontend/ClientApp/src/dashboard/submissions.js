// The submissions tab: the list, filtered and paged on the server; a submission's detail with its
// lifecycle; and cancelling one that has not completed.
import { call } from "./api.js";
import { $, button, bytes, cell, confirmAction, formQuery, ms, pager, short, time, toast } from "./ui.js";

for (const v of ["Accepted", "WrongAnswer", "CompilationError", "RuntimeError", "TimeLimitExceeded", "MemoryLimitExceeded", "OutputLimitExceeded", "InternalError", "Cancelled"]) {
  const option = document.createElement("option");
  option.textContent = v;
  document.querySelector("#submission-filters select[name=verdict]").append(option);
}

// The submissions' silo filter offers the silos the cluster knows (ids are long; names are not unique over time).
export function siloChoices(silos) {
  const select = $("submission-silo");
  const known = new Set([...select.options].map(o => o.value));
  for (const s of silos) {
    if (known.has(s.siloId)) continue;
    const option = document.createElement("option");
    option.value = s.siloId;
    option.textContent = `${s.siloName} (${time(s.startedAt)})`;
    select.append(option);
  }
}

let submissionOffset = 0;
export async function loadSubmissions(offset = 0) {
  submissionOffset = offset;
  try {
    const page = await call(`submissions?${formQuery($("submission-filters"), offset)}`);
    $("submission-rows").replaceChildren(...page.items.map(s => {
      const tr = document.createElement("tr");
      tr.dataset.testid = "submission-row";
      tr.className = "clickable";
      tr.addEventListener("click", () => showSubmission(s.id));
      tr.append(cell("Submission", short(s.id)), cell("Language", s.language), cell("Status", s.status), cell("Verdict", s.verdict),
        cell("Silo", s.siloId ? s.siloId.split("@")[0] : "–"), cell("Queue wait", ms(s.queueWaitMs)), cell("Run time", ms(s.runTimeMs)), cell("Created", time(s.createdAt)));
      return tr;
    }));
    pager($("submission-pager"), page, loadSubmissions);
  } catch (e) {
    toast(e.message, true);
  }
}

/** Reloads the page of submissions shown now. */
export const reloadSubmissions = () => loadSubmissions(submissionOffset);

$("submission-filters").addEventListener("submit", e => { e.preventDefault(); loadSubmissions(); });

function lifecycleStep(text) {
  const li = document.createElement("li");
  li.textContent = text;
  return li;
}

async function showSubmission(id) {
  const panel = $("submission-detail");
  try {
    const detail = await call(`submissions/${id}`);
    const s = detail.submission;
    const heading = document.createElement("h3");
    heading.textContent = `Submission ${s.id}`;
    const facts = document.createElement("p");
    facts.textContent = `${s.language} · ${s.status}${s.verdict ? ` · ${s.verdict}` : ""} · attempts ${s.attempts} · queue wait ${ms(s.queueWaitMs)} · run time ${ms(s.runTimeMs)}`;
    const steps = document.createElement("ol");
    steps.className = "lifecycle";
    steps.dataset.testid = "lifecycle";
    const d = detail.document;
    for (const step of detail.lifecycle) {
      // The sandbox's own steps sit between the last claim and the completion: compiled, then ran.
      if (step.kind === "Completed" && d.verdict) {
        if (d.compileTimeMs != null) steps.append(lifecycleStep(`compiled in ${ms(d.compileTimeMs)}`));
        if (d.verdict !== "CompilationError" && d.wallTimeMs != null)
          steps.append(lifecycleStep(`ran in ${ms(d.wallTimeMs)} wall, ${ms(d.cpuTimeMs)} CPU, ${bytes(d.memoryBytes)} → ${d.verdict}`));
      }
      steps.append(lifecycleStep(`${new Date(step.at).toLocaleTimeString()} · ${step.kind}${step.siloId ? ` by ${step.siloId}` : ""} (attempt ${step.attempt})${step.detail ? ` · ${step.detail}` : ""}`));
    }
    const output = document.createElement("pre");
    output.textContent = detail.document.stdout || detail.document.message || "";
    const close = button("Close", () => (panel.hidden = true));
    const children = [heading, facts, steps, output, close];
    if (s.status !== "Completed") {
      children.push(button("Cancel submission", async () => {
        if (!(await confirmAction(`Cancel submission ${s.id}?`))) return;
        try {
          await call(`submissions/${s.id}`, { method: "DELETE" });
          toast("Cancel requested");
          showSubmission(s.id);
        } catch (e) {
          toast(e.message, true);
        }
      }, "cancel-submission", "danger"));
    }
    panel.replaceChildren(...children);
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  } catch (e) {
    toast(e.message, true);
  }
}
