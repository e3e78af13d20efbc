// The result of a run (the record POST api/v1/runs answers, and the session's "exit" carries):
// verdict, exit code or signal, wall and CPU time, peak memory, and the verdict's explanation.

function formatBytes(bytes) {
  if (typeof bytes !== "number") return "–";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const ms = value => (typeof value === "number" ? `${value} ms` : "–");

export function showResult(element, result) {
  const set = (name, text) => { element.querySelector(`[data-field="${name}"]`).textContent = text; };
  const verdict = result.verdict ?? "Unknown";
  set("verdict", verdict);
  element.dataset.verdict = verdict;
  set("exit", result.signal != null ? `signal ${result.signal}` : result.exitCode != null ? String(result.exitCode) : "–");
  set("time", `${ms(result.wallTimeMs)} wall · ${ms(result.cpuTimeMs)} CPU`);
  set("memory", formatBytes(result.memoryBytes));
  const truncated = [result.stdoutTruncated && "stdout", result.stderrTruncated && "stderr"].filter(Boolean);
  set("message", [result.message, truncated.length ? `${truncated.join(" and ")} cut at the limit` : ""].filter(Boolean).join(" · "));
  element.hidden = false;
}

export function clearResult(element) {
  element.hidden = true;
  delete element.dataset.verdict;
}
