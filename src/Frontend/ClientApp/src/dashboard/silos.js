// The silos tab: one row per silo of the live snapshot (those that left or died only for ten minutes
// after their last heartbeat), with drain and resume.
import { call } from "./api.js";
import { $, button, bytes, cell, confirmAction, duration, toast } from "./ui.js";

export function renderSilos(silos) {
  $("silo-rows").replaceChildren(...silos.filter(s => s.state !== "Left" && s.state !== "Dead" || s.heartbeatAgeSeconds < 600).map(s => {
    const tr = document.createElement("tr");
    tr.dataset.testid = "silo-row";
    tr.dataset.siloName = s.siloName;
    tr.dataset.state = s.state;
    const sandboxes = Object.entries(s.languages)
      .map(([l, x]) => `${l} ${x.warm}/${x.busy}/${x.creating}/${x.retiring}`).join(" · ") || "–";
    const state = document.createElement("span");
    state.className = `state ${s.state.toLowerCase()}`;
    state.textContent = s.state;
    const actions = document.createElement("span");
    if (s.state === "Up" || s.state === "Suspect")
      actions.append(button("Drain", () => drain(s, true), "drain-button", "danger"));
    else if (s.state === "Draining")
      actions.append(button("Resume", () => drain(s, false), "resume-button"));
    tr.append(
      cell("Silo", s.siloName, "silo-name"), cell("State", state, "silo-state"), cell("Uptime", duration(s.uptimeSeconds)),
      cell("CPU", `${s.cpuPercent.toFixed(1)} %`), cell("Memory", bytes(s.memoryBytes)), cell("Sandboxes", sandboxes),
      cell("Claims/s", s.claimsPerSecond.toFixed(2), "silo-claims"), cell("Heartbeat", `${s.heartbeatAgeSeconds.toFixed(1)} s ago`), cell("", actions));
    return tr;
  }));
}

async function drain(silo, on) {
  const text = on
    ? `Drain ${silo.siloName}? It stops claiming new submissions; what runs there finishes.`
    : `Resume ${silo.siloName}? It claims submissions again.`;
  if (!(await confirmAction(text))) return;
  try {
    await call(`silos/${encodeURIComponent(silo.siloId)}/drain`, { method: on ? "POST" : "DELETE" });
    toast(on ? `${silo.siloName} is draining` : `${silo.siloName} resumed`);
  } catch (e) {
    toast(e.message, true);
  }
}
