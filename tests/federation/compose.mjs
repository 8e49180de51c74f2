// Composes subgraphs into a supergraph with @apollo/composition, as an Apollo Federation v2
// gateway's build step would. Input (a JSON file named as the first argument, or stdin):
//   {"subgraphs": [{"name": "hub", "url": "http://hub/graphql", "sdl": "..."}, ...]}
// Output (stdout, JSON): {"errors": [{"code", "message"}], "hints": [...],
// "supergraphSdl": "..." | null}. Exit status: 0 composed, 1 composition errors,
// 2 unusable input.
import { readFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

function fail(message) {
  process.stdout.write(JSON.stringify({ errors: [{ code: "INPUT", message }], hints: [],
                                        supergraphSdl: null }) + "\n");
  process.exit(2);
}

let input;
try {
  input = JSON.parse(readFileSync(process.argv[2] ?? 0, "utf8"));
} catch (error) {
  fail(`cannot read the input JSON: ${error.message}`);
}
if (!Array.isArray(input?.subgraphs) || input.subgraphs.length === 0) {
  fail("the input needs a non-empty `subgraphs` list");
}

let services;
try {
  services = input.subgraphs.map(({ name, url, sdl }) => ({
    name, url: url ?? `http://${name}/graphql`, typeDefs: parse(sdl),
  }));
} catch (error) {
  fail(`a subgraph's SDL does not parse: ${error.message}`);
}

const result = composeServices(services);
const errors = (result.errors ?? []).map((error) => ({
  code: error.extensions?.code ?? null, message: error.message,
}));
const hints = (result.hints ?? []).map((hint) => ({
  code: hint.definition?.code ?? null, message: hint.message,
}));
process.stdout.write(JSON.stringify({
  errors, hints, supergraphSdl: errors.length ? null : result.supergraphSdl,
}) + "\n");
process.exitCode = errors.length ? 1 : 0;  // not process.exit: it would cut a long stdout
