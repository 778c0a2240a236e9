// Validates what the server's SCIM service answered with SCIMMY, an independent SCIM 2.0 implementation (RFC 7643/7644).
// Input (a JSON file named by the first argument): {schemas, users, groups, filters: [{resource, filter, candidates, matched}]}.
// Every resource must pass SCIMMY's schema coercion, every served schema must agree with SCIMMY's definition of the
// RFC's schemas (or build as a schema definition, for this project's extension), and every filter must parse with
// SCIMMY's parser and select the same resources the server selected among those SCIMMY can match (its matcher stops at
// a resource without an attribute the filter names, so each filter is compared on the resources that have them all).
// This project's extension is checked by coercing its values with attributes built from its served schema (SCIMMY
// accepts schema definitions under urn:ietf:params:scim:schemas: only). Prints one line per problem; exits 1 if any.
import { readFileSync } from "node:fs";
import SCIMMY from "scimmy";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const problems = [];
const fail = (what, error) => problems.push(`${what}: ${error?.message ?? error}`);

const rfc = {
  "urn:ietf:params:scim:schemas:core:2.0:User": SCIMMY.Schemas.User.definition,
  "urn:ietf:params:scim:schemas:core:2.0:Group": SCIMMY.Schemas.Group.definition,
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": SCIMMY.Schemas.EnterpriseUser.definition,
};

function attributeOf(served) {
  const config = {
    multiValued: served.multiValued, required: served.required, caseExact: served.caseExact ?? false,
    mutable: { readWrite: true, readOnly: false, immutable: "immutable", writeOnly: "writeOnly" }[served.mutability],
    returned: { default: true, always: "always", never: false, request: "request" }[served.returned],
    uniqueness: served.uniqueness === "none" ? false : served.uniqueness,
    canonicalValues: served.canonicalValues ?? false, referenceTypes: served.referenceTypes ?? false,
    description: served.description,
  };
  return new SCIMMY.Types.Attribute(served.type, served.name, config, (served.subAttributes ?? []).map(attributeOf));
}

function compare(path, served, known) {
  if (!known) return fail(path, "not an attribute of the RFC's schema");
  const described = known.toJSON ? known.toJSON() : known;
  for (const key of ["type", "multiValued"]) {
    if (described[key] !== served[key]) fail(path, `${key} is ${served[key]}, the RFC says ${described[key]}`);
  }
  for (const sub of served.subAttributes ?? []) {
    compare(`${path}.${sub.name}`, sub, (described.subAttributes ?? []).find((s) => s.name.toLowerCase() === sub.name.toLowerCase()));
  }
}

const extensions = {};
for (const schema of input.schemas) {
  try {
    const definition = rfc[schema.id];
    if (definition) {
      const described = definition.describe();
      for (const attribute of schema.attributes) {
        compare(`${schema.id}:${attribute.name}`, attribute, described.attributes.find((a) => a.name.toLowerCase() === attribute.name.toLowerCase()));
      }
    } else {
      extensions[schema.id] = schema.attributes.map(attributeOf);
    }
  } catch (error) {
    fail(`schema ${schema.id}`, error);
  }
}
SCIMMY.Schemas.User.definition.extend(SCIMMY.Schemas.EnterpriseUser.definition, false);

for (const user of input.users) {
  const core = { ...user, schemas: user.schemas.filter((s) => !extensions[s]) };
  for (const [id, attributes] of Object.entries(extensions)) {
    delete core[id];
    for (const attribute of attributes) {
      const value = user[id]?.[attribute.name];
      try { if (value !== undefined) attribute.coerce(value, "out"); } catch (error) { fail(`User ${user.id} ${id}:${attribute.name}`, error); }
    }
  }
  try { new SCIMMY.Schemas.User(core, "out"); } catch (error) { fail(`User ${user.id}`, error); }
}
for (const group of input.groups) {
  try { new SCIMMY.Schemas.Group(group, "out"); } catch (error) { fail(`Group ${group.id}`, error); }
}
const named = (expression) => Array.isArray(expression)
  ? expression.flatMap(named)
  : Object.entries(expression).flatMap(([key, value]) => key === "!" ? named(value) : [key]);
const has = (resource, path) => path.split(".").reduce((value, key) => value?.[Object.keys(value).find((k) => k.toLowerCase() === key.toLowerCase())], resource) !== undefined;
let compared = 0;
for (const { resource, filter, candidates, matched } of input.filters) {
  let parsed;
  try { parsed = new SCIMMY.Types.Filter(filter); } catch (error) { fail(`${resource} filter ${filter} (parse)`, error); continue; }
  const attributes = named([...parsed]);
  const comparable = candidates.filter((c) => attributes.every((a) => has(c, a)));
  try {
    const selected = parsed.match(comparable).map((r) => r.id).sort();
    const expected = matched.filter((id) => comparable.some((c) => c.id === id)).sort();
    compared++;
    if (JSON.stringify(selected) !== JSON.stringify(expected)) {
      fail(`${resource} filter ${filter}`, `SCIMMY selects [${selected}], the server [${expected}] among [${comparable.map((c) => c.id)}]`);
    }
  } catch (error) {
    console.log(`note: ${resource} filter ${filter} parsed; SCIMMY cannot match it (${error.message})`);
  }
}
for (const problem of problems) console.log(problem);
console.log(`${input.users.length} users, ${input.groups.length} groups, ${input.schemas.length} schemas, ${input.filters.length} filters parsed (${compared} matched alike); ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
