'use strict';
// A client of the Provisioning API built by node soap from the served WSDL: token, create, get, list, apply, release.
// Usage: node client.js URL LOGIN PASSWORD ADDRESS RECORDER
// Exits 0 only when every step answers OK, the extension reads back as written and the recorder runs the configuration.
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

async function main([url, login, password, address, recorder]) {
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

  const [released] = await client.releaseTokenAsync({ token });
  step('releaseToken', released.return);
}

if (process.argv.length !== 7) {
  console.error('FAILED usage: node client.js URL LOGIN PASSWORD ADDRESS RECORDER');
  process.exit(1);
}
main(process.argv.slice(2)).catch((error) => {
  console.error(`FAILED ${error instanceof Failure ? error.message : error.stack}`);
  process.exit(1);
});
