// Lint Cypher with Neo4j's own parser and semantic checker (@neo4j-cypher/language-support).
//
// stdin:  {"queries": {"<name>": "<cypher>", ...},
//          "schema": {"labels": [...], "relationshipTypes": [...], "parameters": {...}}}
// stdout: {"version": "<package version>", "diagnostics": {"<name>": [{severity, message,
//          line, character, offset}, ...]}}
// Severity follows LSP: 1 error, 2 warning, 3 information, 4 hint.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// the package's ESM build uses extensionless imports that node cannot resolve: use CJS
const { lintCypherQuery } = require("@neo4j-cypher/language-support");
const pkgJson = new URL("./node_modules/@neo4j-cypher/language-support/package.json", import.meta.url);
const { version } = JSON.parse(readFileSync(pkgJson, "utf8"));

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const schema = { defaultLanguage: "CYPHER 5", ...(input.schema || {}) };

const diagnostics = {};
for (const [name, text] of Object.entries(input.queries || {})) {
  diagnostics[name] = lintCypherQuery(text, schema).map((d) => ({
    severity: d.severity,
    message: d.message,
    line: d.range.start.line + 1,
    character: d.range.start.character + 1,
    offset: d.offsets.start,
  }));
}
process.stdout.write(JSON.stringify({ version, diagnostics }));
