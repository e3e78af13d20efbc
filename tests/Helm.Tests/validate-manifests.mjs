// Validates Kubernetes manifests offline against the API schemas that kubernetes-models compiles from
// the Kubernetes OpenAPI document (and KEDA's CRDs from @kubernetes-models/keda): types, formats,
// enums and required fields of every object, nested ones included. No cluster is needed.
//
// Usage: node validate-manifests.mjs <tools dir> <manifests.json>
//   manifests.json holds a JSON array of objects. Prints one JSON line per manifest
//   ({ index, apiVersion, kind, name, errors }) and exits 1 when any has errors. A kind it has no
//   schema for is an error: an unvalidated manifest must not pass silently.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [toolsDir, file] = process.argv.slice(2);
const manifests = JSON.parse(readFileSync(file, 'utf8'));
const resolve = createRequire(join(toolsDir, 'package.json'));

// kubernetes-models publishes ES modules only, by group/version/kind; the core group is "v1".
function modulePath(apiVersion, kind) {
  const group = apiVersion.includes('/') ? apiVersion : apiVersion;
  const pkg = apiVersion.startsWith('keda.sh/') ? '@kubernetes-models/keda' : 'kubernetes-models';
  return `${pkg}/${group}/${kind}`;
}

async function load(apiVersion, kind) {
  const packageName = apiVersion.startsWith('keda.sh/') ? '@kubernetes-models/keda' : 'kubernetes-models';
  const packageJson = resolve.resolve(`${packageName}/package.json`);
  const root = packageJson.slice(0, -'package.json'.length);
  const path = join(root, apiVersion, `${kind}.js`);
  const module = await import(pathToFileURL(path).href);
  if (typeof module[kind] !== 'function') throw new Error(`no model ${modulePath(apiVersion, kind)}`);
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
  } catch (error) {
    result.errors.push(error.code === 'ERR_MODULE_NOT_FOUND' ? `no schema for ${apiVersion} ${kind}` : String(error.message ?? error));
  }
  if (result.errors.length) failed = true;
  console.log(JSON.stringify(result));
}
process.exit(failed ? 1 : 0);
