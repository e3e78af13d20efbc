// The terminal pane: xterm.js sized to its box by the fit addon, refitted whenever the box
// changes size (window resize, phone rotation), which the session hears as a "resize".
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";

export const style = {
  dim: text => `\x1b[2m${text}\x1b[0m`,
  red: text => `\x1b[31m${text}\x1b[0m`,
  green: text => `\x1b[32m${text}\x1b[0m`,
};

export function createTerminal(element) {
  const terminal = new Terminal({
    // Batch output has bare \n line ends; a pty's \r\n is unaffected.
    convertEol: true,
    cursorBlink: true,
    fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    fontSize: 14,
    scrollback: 5000,
    theme: { background: "#0b0d12", foreground: "#e6e6e6" },
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(element);
  const refit = () => {
    try {
      fit.fit();
    } catch {
      // hidden or zero-sized box: keep the last size
    }
  };
  new ResizeObserver(refit).observe(element);
  refit();
  return terminal;
}
