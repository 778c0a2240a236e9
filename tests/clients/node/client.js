'use strict';
// A client of the Provisioning API built by node soap from the served WSDLs: token, create, get, list, apply, a storage
// policy created and listed, the v3 statistics, release.
// Usage: node client.js URL LOGIN PASSWORD ADDRESS RECORDER V3_URL
// Exits 0 only when every step answers OK, the extension reads back as written, the recorder runs the configuration,
// the policy is listed and the statistics count the extension.
const soap = require('soap');

const EXPECTED = { recordingMode: 'ON_DEMAND', voice: true, video: true, im: false };

class Failure extends Error {}

function step(name, status) {
  const code = status && status.statusCode;
  if (code !== 'OK') {
    throw new Failure(`${name}: status ${code} ${(status && status.message) || ''}`);
  }
  console.log(`${name}: OK`);
}

function check(name, extension, address) {
  if (!extension) {
    throw new Failure(`${name}: no extension in the answer`);
  }
  const seen = Object.fromEntries(Object.keys(EXPECTED).map((key) => [key, extension[key]]));
  if (extension.extension !== address || JSON.stringify(seen) !== JSON.stringify(EXPECTED)) {
    throw new Failure(`${name}: expected ${address} ${JSON.stringify(EXPECTED)}, got ${extension.extension} ${JSON.stringify(seen)}`);
  }
  console.log(`${name}: ${extension.extension} ${JSON.stringify(seen)}`);
}

function checkPolicy(name, policy, policyName) {
  if (!policy || policy.name !== policyName || policy.action !== 'delete' || !policy.id) {
    throw new Failure(`${name}: expected policy ${policyName} (delete) with an id, got ${JSON.stringify(policy)}`);
  }
  console.log(`${name}: ${policy.name} id=${policy.id} action=${policy.action} olderThanYears=${policy.olderThanYears}`);
}

function checkStatistics(environments) {
  const zero = (Array.isArray(environments) ? environments : []).filter((e) => e.eid === '0000');
  const modes = zero.length === 1 ? Object.fromEntries(zero[0].extensionsByRecordingMode.map((m) => [m.recordingMode, Number(m.count)])) : {};
  if (zero.length !== 1 || Number(zero[0].extensions) < 1 || !(modes.ON_DEMAND >= 1)) {
    throw new Failure(`getStatistics: expected 0000 with an ON_DEMAND extension, got ${JSON.stringify(environments)}`);
  }
  console.log(`getStatistics: 0000 extensions=${zero[0].extensions} ON_DEMAND=${modes.ON_DEMAND} users=${zero[0].users}`);
}

async function main([url, login, password, address, recorder, v3Url]) {
  const client = await soap.createClientAsync(`${url}?wsdl`);

  const [answer] = await client.requestTokenAsync({ eid: '0000', loginName: login, password });
  step('requestToken', answer.return.status);
  const token = answer.return.token;

  const [created] = await client.createExtensionAsync({
    token,
    extension: { eid: '0000', extension: address, recordingMode: 'ON_DEMAND', voice: true, video: true },
  });
  step('createExtension', created.return);

  const [got] = await client.getExtensionAsync({ token, environmentFilter: { eid: '0000' }, extension: address });
  step('getExtension', got.return.status);
  check('getExtension', got.return.extension, address);

  const [listed] = await client.listExtensionsAsync({ token, filter: { extension: address } });
  step('listExtensions', listed.return.status);
  // The schema says extensions repeats, so node soap must give a list even for one element.
  const extensions = listed.return.extensions;
  if (!Array.isArray(extensions) || extensions.length !== 1) {
    throw new Failure(`listExtensions: expected a list of 1 extension, got ${JSON.stringify(extensions)}`);
  }
  check('listExtensions', extensions[0], address);

  const [applied] = await client.applyExtensionConfigurationAsync({
    token,
    theseServersOnly: [{ eid: '0000', location: recorder }],
    returnSuccessfulStatuses: true,
    forceEvenIfNotRegistered: true,
  });
  step('applyExtensionConfiguration', applied.return.status);
  const statuses = applied.return.statuses;
  if (!Array.isArray(statuses) || statuses.length !== 1 || statuses[0].location !== recorder || statuses[0].success !== true || !statuses[0].revision) {
    throw new Failure(`applyExtensionConfiguration: expected ${recorder} to succeed with a revision, got ${JSON.stringify(statuses)}`);
  }
  console.log(`applyExtensionConfiguration: ${statuses[0].location} success=${statuses[0].success} ${statuses[0].message}`);

  const policyName = `keep-${address}`;
  const [policyCreated] = await client.createStoragePolicyAsync({
    token,
    storagePolicy: { eid: '0000', name: policyName, action: 'delete', olderThanYears: 7 },
  });
  step('createStoragePolicy', policyCreated.return.status);
  checkPolicy('createStoragePolicy', policyCreated.return.storagePolicy, policyName);
  const [policies] = await client.listStoragePoliciesByEidAsync({ token, eid: '0000' });
  step('listStoragePoliciesByEid', policies.return.status);
  checkPolicy('listStoragePoliciesByEid', (policies.return.storagePolicies || []).find((p) => p.name === policyName), policyName);

  const v3 = await soap.createClientAsync(`${v3Url}?wsdl`);
  const [statistics] = await v3.getStatisticsAsync({ token });
  step('getStatistics', statistics.return.status);
  checkStatistics(statistics.return.environments);

  const [released] = await client.releaseTokenAsync({ token });
  step('releaseToken', released.return);
}

if (process.argv.length !== 8) {
  console.error('FAILED usage: node client.js URL LOGIN PASSWORD ADDRESS RECORDER V3_URL');
  process.exit(1);
}
main(process.argv.slice(2)).catch((error) => {
  console.error(`FAILED ${error instanceof Failure ? error.message : error.stack}`);
  process.exit(1);
});
