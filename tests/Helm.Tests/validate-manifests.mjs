// Validates Kubernetes manifests offline against the API schemas that kubernetes-models compiles from
// the Kubernetes OpenAPI document (and KEDA's CRDs from @kubernetes-models/keda): types, formats,
// enums and required fields of every object, nested ones included; and field names, which those
// validators let through (unknown-fields.mjs). No cluster is needed.
//
// Usage: node validate-manifests.mjs <tools dir> <manifests.json>
//   manifests.json holds a JSON array of objects. Prints one JSON line per manifest
//   ({ index, apiVersion, kind, name, errors }) and exits 1 when any has errors. A kind it has no
//   schema for is an error: an unvalidated manifest must not pass silently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unknownFields } from './unknown-fields.mjs';

const [toolsDir, file] = process.argv.slice(2);
const manifests = JSON.parse(readFileSync(file, 'utf8'));

// kubernetes-models publishes ES modules only, one per group/version/kind; the core group is "v1".
const packageNames = ['kubernetes-models', '@kubernetes-models/keda', '@kubernetes-models/apimachinery', '@kubernetes-models/base'];
const packageRoots = new Map(packageNames.map(name => [name, join(toolsDir, 'node_modules', name)]));

function modelFile(apiVersion, kind, extension) {
  const packageName = apiVersion.startsWith('keda.sh/') ? '@kubernetes-models/keda' : 'kubernetes-models';
  return join(packageRoots.get(packageName), apiVersion, `${kind}${extension}`);
}

async function load(apiVersion, kind) {
  const module = await import(pathToFileURL(modelFile(apiVersion, kind, '.js')).href);
  if (typeof module[kind] !== 'function') throw new Error(`no model for ${apiVersion} ${kind}`);
  return module[kind];
}

let failed = false;
for (const [index, manifest] of manifests.entries()) {
  const { apiVersion, kind } = manifest ?? {};
  const result = { index, apiVersion, kind, name: manifest?.metadata?.name, errors: [] };
  try {
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') throw new Error('apiVersion and kind are required');
    const Model = await load(apiVersion, kind);
    new Model(manifest).validate();
    result.errors.push(...unknownFields(manifest, modelFile(apiVersion, kind, '.d.ts'), packageRoots));
  } catch (error) {
    result.errors.push(error.code === 'ERR_MODULE_NOT_FOUND' ? `no schema for ${apiVersion} ${kind}` : String(error.message ?? error));
  }
  if (result.errors.length) failed = true;
  console.log(JSON.stringify(result));
}
process.exit(failed ? 1 : 0);
