// Validates every object of a rendered multi-document YAML stream (stdin) against the Kubernetes
// OpenAPI schemas bundled in kubernetes-models, offline. Exits non-zero on a parse error, an unknown
// apiVersion/kind, or a schema violation. Usage: kubectl kustomize DIR | node schema-check.mjs NAME
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const source = process.argv[2] ?? "stdin";
const documents = parseAllDocuments(readFileSync(0, "utf8"));
const problems = [];
let checked = 0;

// kubernetes-models lays out one module per kind: core kinds under v1/, others under <group>/<version>/.
async function modelFor(apiVersion, kind) {
  const wellFormed = /^([a-z0-9.-]+\/)?v[a-z0-9]+$/.test(apiVersion ?? "") && /^[A-Za-z0-9]+$/.test(kind ?? "");
  if (!wellFormed) {
    return null;
  }
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] ?? null;
  } catch (error) {
    if (error.code === "ERR_MODULE_NOT_FOUND" || error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") {
      return null;
    }
    throw error;
  }
}

for (const document of documents) {
  if (document.errors.length > 0) {
    problems.push(`YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) {
    continue;
  }
  const name = `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`;
  const Model = await modelFor(object.apiVersion, object.kind);
  if (Model === null) {
    problems.push(`${name}: unknown kind ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    checked++;
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) {
    console.error(`${source}: ${problem}`);
  }
  process.exit(1);
}
if (checked === 0) {
  console.error(`${source}: no Kubernetes objects in the input`);
  process.exit(1);
}
console.log(`${source}: ${checked} objects valid`);
