// Finds field names that the Kubernetes API does not know (a typo such as `readinessProb` would be
// dropped silently by the API server, or refused by a strict client). kubernetes-models' compiled
// validators accept unknown fields, but its TypeScript declarations list every field of every type,
// one type per file: this walks a manifest along those declarations.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const files = new Map();

/** The fields of the declared type of `file` (its first exported interface), parsed once. */
function declaration(file, packageRoots) {
  if (files.has(file)) return files.get(file);
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const imports = new Map();
  for (const [, names, spec] of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    const target = spec.startsWith('.')
      ? join(dirname(file), spec.replace(/\.js$/, '.d.ts'))
      : packageFile(spec, packageRoots);
    for (const name of names.split(',').map(n => n.trim()).filter(Boolean)) imports.set(name, target);
  }
  const match = /export interface \w+(?: extends [\w, ]+)? \{/.exec(text);
  const result = { file, imports, fields: match ? fields(text, match.index + match[0].length) : null };
  files.set(file, result);
  return result;
}

function packageFile(spec, packageRoots) {
  for (const [name, root] of packageRoots) {
    if (spec.startsWith(name + '/')) return join(root, spec.slice(name.length + 1) + '.d.ts');
  }
  return null;
}

/** Parses `"name"?: type;` entries of a body that starts at `start` (just after its `{`). */
function fields(text, start) {
  const result = new Map();
  let i = start;
  for (;;) {
    const field = /\s*"([^"]+)"\??:\s*/y;
    field.lastIndex = i;
    const m = field.exec(text);
    if (!m) return result;
    i = field.lastIndex;
    let depth = 0, end = i;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === '{' || c === '<' || c === '(') depth++;
      else if (c === '}' || c === '>' || c === ')') depth--;
      else if (c === ';' && depth === 0) break;
    }
    result.set(m[1], text.slice(i, end).trim());
    i = end + 1;
  }
}

function check(value, type, context, packageRoots, path, errors) {
  if (value === null || typeof value !== 'object') return;
  type = type.trim();
  const array = /^Array<([\s\S]*)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, i) => check(v, array[1], context, packageRoots, `${path}/${i}`, errors));
    return;
  }
  if (type.startsWith('{')) {
    const map = /^\{\s*\[key: string\]:\s*([\s\S]*?);?\s*\}$/.exec(type);
    if (map) {
      for (const [k, v] of Object.entries(value)) check(v, map[1], context, packageRoots, `${path}/${k}`, errors);
      return;
    }
    checkObject(value, fields(type, 1), context, packageRoots, path, errors);
    return;
  }
  const target = context.imports.get(type);
  if (!target) return; // a primitive, a literal union, or a type with no fields to check
  const declared = declaration(target, packageRoots);
  if (declared.fields) checkObject(value, declared.fields, declared, packageRoots, path, errors);
}

function checkObject(value, declaredFields, context, packageRoots, path, errors) {
  if (Array.isArray(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const type = declaredFields.get(key);
    if (type === undefined) errors.push(`${path || '/'} has unknown field "${key}"`);
    else check(v, type, context, packageRoots, `${path}/${key}`, errors);
  }
}

/** Errors for every field of `manifest` that its declared type (the .d.ts of its model) does not have. */
export function unknownFields(manifest, modelFile, packageRoots) {
  const declared = declaration(modelFile, packageRoots);
  const errors = [];
  if (declared.fields) checkObject(manifest, declared.fields, declared, packageRoots, '', errors);
  return errors;
}
