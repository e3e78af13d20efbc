// The playground (index.html at /): pick a language, edit, run interactively in the terminal (the
// session API, a pty) or in batch mode with the stdin box (POST api/v1/runs), see the verdict,
// time and memory, and share the code as a snippet (?s=ID opens it).
import "@xterm/xterm/css/xterm.css";
import "./playground.css";
import * as api from "./api.js";
import { closeMessage } from "./closeCodes.js";
import { createEditor } from "./editor.js";
import { exampleFor } from "./examples.js";
import { clearResult, showResult } from "./result.js";
import { Session } from "./session.js";
import { createTerminal, style } from "./terminal.js";

const $ = id => document.getElementById(id);
const ui = {
  language: $("language"), version: $("language-version"), run: $("run"), runBatch: $("run-batch"), stop: $("stop"), share: $("share"),
  apiKey: $("api-key"), stdin: $("stdin"), status: $("status"), result: $("result"),
  shareBox: $("share-box"), shareLink: $("share-link"), copy: $("copy"),
};

const terminal = createTerminal($("terminal"));
const editor = createEditor($("editor"), { onRun: () => runInteractive() });
const languages = new Map();
// Each language's code while the user switches between them, so switching back loses nothing.
const buffers = new Map();
let current = null;
let running = null; // { session?, stop() }

function setStatus(text, kind = "") {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
}

function setRunning(value) {
  running = value;
  ui.stop.disabled = !value;
  document.body.classList.toggle("running", Boolean(value));
}

function selectLanguage(id, text) {
  if (current) buffers.set(current.id, editor.text);
  current = languages.get(id);
  ui.language.value = id;
  editor.setLanguage(id);
  // Beside the picker, not in it: some versions are long (bash's names its build triple).
  const version = current.version && current.version !== "unknown" ? current.version : "";
  ui.version.textContent = version;
  ui.version.title = version;
  editor.text = text ?? buffers.get(id) ?? exampleFor(current);
  try { localStorage.setItem("coderun.language", id); } catch { /* storage disabled */ }
}

function files() {
  return [{ name: current.sourceFile, content: editor.text }];
}

function writeError(text) {
  terminal.write(`${style.red(text.replaceAll("\n", "\r\n"))}\r\n`);
}

function stopCurrent() {
  running?.stop();
  setRunning(null);
}

function runInteractive() {
  if (!current) return;
  stopCurrent();
  clearResult(ui.result);
  terminal.reset();
  terminal.focus();
  setStatus("connecting…", "busy");
  const session = new Session(api.sessionUrl(),
    { language: current.id, files: files(), args: [], tty: true, cols: terminal.cols, rows: terminal.rows },
    {
      open: () => setStatus("connected", "busy"),
      status: state => setStatus(state, "busy"),
      compile: text => terminal.write(typeof text === "string" ? style.dim(text) : text),
      output: (chunk, stream) => {
        if (stream === "stderr" && typeof chunk === "string") terminal.write(style.red(chunk));
        else terminal.write(chunk);
      },
      exit: result => {
        showResult(ui.result, result);
        setStatus(`finished: ${result.verdict ?? "?"}`, result.verdict === "Accepted" ? "ok" : "bad");
      },
      error: (code, message) => writeError(`\r\n${message || "The session failed."}${code ? ` [${code}]` : ""}`),
      close: (code, reason, { opened, exited }) => {
        if (!exited) {
          writeError(`\r\n${closeMessage(code, reason, opened)}`);
          setStatus(code === 1000 ? "ended" : `closed (${code})`, "bad");
        }
        if (running?.session === session) setRunning(null);
      },
    });
  setRunning({ session, stop: () => session.kill() });
}

async function runWithStdin() {
  if (!current) return;
  stopCurrent();
  clearResult(ui.result);
  terminal.reset();
  const controller = new AbortController();
  let submissionId = null;
  const handle = {
    stop: () => {
      controller.abort();
      if (submissionId) api.cancelSubmission(submissionId).catch(() => {});
    },
  };
  setRunning(handle);
  setStatus("running…", "busy");
  try {
    let { status, body } = await api.runBatch({ language: current.id, files: files(), stdin: ui.stdin.value }, controller.signal);
    // 202: it took longer than the server waits; follow the submission until it completes.
    if (status === 202) {
      submissionId = body.id;
      while (body.status !== "Completed") {
        await new Promise(resolve => setTimeout(resolve, 500));
        ({ body } = await api.getSubmission(submissionId, controller.signal));
      }
    }
    if (body.compileOutput) terminal.write(style.dim(body.compileOutput));
    if (body.stdout) terminal.write(body.stdout);
    if (body.stderr) terminal.write(style.red(body.stderr));
    showResult(ui.result, body);
    setStatus(`finished: ${body.verdict}`, body.verdict === "Accepted" ? "ok" : "bad");
  } catch (error) {
    if (!controller.signal.aborted) {
      writeError(error.message);
      setStatus("failed", "bad");
    } else if (running === null) {
      // Stopped by the button (a new run would have taken over the terminal by now).
      writeError("Stopped.");
      setStatus("stopped", "bad");
    }
  } finally {
    if (running === handle) setRunning(null);
  }
}

async function share() {
  if (!current) return;
  ui.share.disabled = true;
  try {
    const stdin = ui.stdin.value;
    const { body } = await api.createSnippet({ language: current.id, files: files(), ...(stdin ? { stdin } : {}) });
    // Relative to this page, not the server's idea of its address: right behind a path prefix too.
    const link = new URL(`?s=${encodeURIComponent(body.id)}`, location.href).href;
    history.replaceState(null, "", link);
    ui.shareLink.value = link;
    ui.shareBox.hidden = false;
    ui.shareLink.select();
    setStatus("link ready", "ok");
  } catch (error) {
    writeError(error.message);
    setStatus("sharing failed", "bad");
  } finally {
    ui.share.disabled = false;
  }
}

async function copyLink() {
  ui.shareLink.select();
  try {
    await navigator.clipboard.writeText(ui.shareLink.value);
    ui.copy.textContent = "Copied";
  } catch {
    // No clipboard API (plain http on another host): the link is selected for the user to copy.
    ui.copy.textContent = "Press Ctrl+C";
  }
  setTimeout(() => { ui.copy.textContent = "Copy"; }, 2000);
}

async function loadLanguages() {
  const { body } = await api.getLanguages();
  ui.language.replaceChildren(...body.map(language => {
    languages.set(language.id, language);
    return new Option(language.name, language.id);
  }));
}

/** Lists the languages, then opens the shared snippet (?s=ID) or the last language's example. */
async function load() {
  try {
    await loadLanguages();
  } catch (error) {
    writeError(`Could not list the languages.\n${error.message}`);
    setStatus("not connected", "bad");
    ui.apiKey.closest("details").open = error.status === 401;
    return;
  }
  const snippetId = new URLSearchParams(location.search).get("s");
  if (snippetId) {
    try {
      const { body } = await api.getSnippet(snippetId);
      if (!languages.has(body.language)) throw new Error(`This service does not run ${body.language}.`);
      selectLanguage(body.language, body.files[0]?.content ?? "");
      ui.stdin.value = body.stdin ?? "";
      setStatus("shared snippet loaded");
      document.body.dataset.ready = "true";
      return;
    } catch (error) {
      writeError(`Could not open the shared snippet.\n${error.message}`);
    }
  }
  let preferred = null;
  try { preferred = localStorage.getItem("coderun.language"); } catch { /* storage disabled */ }
  selectLanguage(languages.has(preferred) ? preferred : languages.has("python") ? "python" : languages.keys().next().value);
  setStatus("ready");
  // Tests and scripts wait for this: the languages are listed and the editor holds a program.
  document.body.dataset.ready = "true";
}

ui.apiKey.value = api.apiKey();
ui.apiKey.addEventListener("change", () => {
  api.setApiKey(ui.apiKey.value.trim());
  // Refused before for want of a key: try again with it.
  if (languages.size === 0) {
    terminal.reset();
    load();
  }
});
ui.language.addEventListener("change", () => selectLanguage(ui.language.value));
ui.run.addEventListener("click", () => runInteractive());
ui.runBatch.addEventListener("click", () => runWithStdin());
ui.stop.addEventListener("click", () => stopCurrent());
ui.share.addEventListener("click", () => share());
ui.copy.addEventListener("click", () => copyLink());
terminal.onData(data => running?.session?.stdin(data));
terminal.onResize(({ cols, rows }) => running?.session?.resize(cols, rows));
load();
