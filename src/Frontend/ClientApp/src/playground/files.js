// A program's files as the playground keeps them: the main file first (the entry point the API
// runs), then the helpers the user added, one of them open in the editor. The server checks every
// name again (docs/api.md); the checks here only give a clear message before a request is sent.

/** The server's cap on a snippet's files (Snippets:MaxFiles); runs allow more, but Share must not fail. */
export const maxFiles = 16;

/** A program of one file, `name`, holding `content`. */
export function singleFile(name, content) {
  return { files: [{ name, content }], selected: 0 };
}

/** A program of the snippet's files, the first open. */
export function fromSnippet(files) {
  return { files: files.map(({ name, content }) => ({ name, content: content ?? "" })), selected: 0 };
}

/** Why `name` cannot be added to `program`, or null when it can. Mirrors FileNames.Problem on the server. */
export function nameProblem(program, name) {
  if (program.files.length >= maxFiles) return `A program may have at most ${maxFiles} files.`;
  if (!name) return "Enter a file name.";
  if (name.startsWith("/")) return "The name must be relative (no leading “/”).";
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return "The name may not contain control characters.";
  if (name.split("/").some(part => part === "" || part === "." || part === ".."))
    return "The name may not have empty, “.” or “..” parts (a folder is written “lib/util.py”).";
  if (program.files.some(file => file.name === name)) return `There is already a file named “${name}”.`;
  return null;
}

/** Adds an empty file named `name` and opens it. */
export function addFile(program, name) {
  program.files.push({ name, content: "" });
  program.selected = program.files.length - 1;
}

/** Removes the file at `index` (never the main file); the open file stays open, or its left neighbour opens. */
export function removeFile(program, index) {
  if (index <= 0 || index >= program.files.length) return;
  program.files.splice(index, 1);
  if (program.selected >= index) program.selected -= 1;
}
