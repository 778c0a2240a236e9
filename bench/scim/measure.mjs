// Latency of SCIM requests as an identity provider makes them, one at a time over a kept-alive connection:
// GET /Users?filter=userName eq "…" for random users, then PATCH replace displayName of random users.
// Usage: node measure.mjs BASE_URL TOKEN USERS REQUESTS. Prints "SCIM kind n=… p50=… p99=… max=… ms" lines.
const [base, token, users, requests] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
const pick = () => `scim-bench-${Math.floor(Math.random() * users)}`;

async function find(login) {
  const answer = await fetch(`${base}/Users?filter=${encodeURIComponent(`userName eq "${login}"`)}`, { headers });
  const body = await answer.json();
  if (answer.status !== 200 || body.totalResults !== 1) throw new Error(`filter ${login}: ${answer.status} ${JSON.stringify(body)}`);
  return body.Resources[0].id;
}

async function patch(id, n) {
  const answer = await fetch(`${base}/Users/${id}`, {
    method: "PATCH", headers,
    body: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "displayName", value: `Bench ${n}` }] }),
  });
  const body = await answer.json();
  if (answer.status !== 200 || body.displayName !== `Bench ${n}`) throw new Error(`patch ${id}: ${answer.status} ${JSON.stringify(body)}`);
}

async function timed(kind, count, action) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await action(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(2);
  console.log(`SCIM ${kind} n=${count} p50=${at(0.5)} p99=${at(0.99)} max=${times[times.length - 1].toFixed(2)} ms`);
}

const ids = [];
await timed("warm-up", Math.min(200, requests), async () => ids.push(await find(pick())));
await timed("filter-userName", requests, async () => ids.push(await find(pick())));
await timed("patch-displayName", requests, async (i) => patch(ids[i % ids.length], i));
