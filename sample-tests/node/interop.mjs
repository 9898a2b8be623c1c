// Interoperability check: drives the sample application's grpc.health.v1.Health service
// with the official Node client and compares every answer with what the sample promises.
//
//   node interop.mjs <port> [--inventory=SERVING|NOT_SERVING]
//
// Prints one line per call ("check \"\" -> SERVING") and exits 0 when everything matched,
// 1 on any mismatch, 2 on bad usage.
import { codeName, firstWatchMessage, healthClient, unary } from './health-client.mjs';

const UNKNOWN_SERVICE = 'demo.NoSuchService';

const args = process.argv.slice(2);
const port = Number(args.find((arg) => !arg.startsWith('--')));
const inventoryArg = args.find((arg) => arg.startsWith('--inventory='));
const expectedInventory = inventoryArg ? inventoryArg.split('=')[1] : 'SERVING';
if (!Number.isInteger(port) || port <= 0 || !['SERVING', 'NOT_SERVING'].includes(expectedInventory)) {
  console.error('usage: node interop.mjs <port> [--inventory=SERVING|NOT_SERVING]');
  process.exit(2);
}

// The sample's mapping: "" and demo.Greeter need db; demo.Inventory needs db and pricing.
const expected = { '': 'SERVING', 'demo.Greeter': 'SERVING', 'demo.Inventory': expectedInventory };
const mustBeListed = ['', 'demo.Greeter', 'demo.Inventory', 'grpc.health.v1.Health'];

const client = healthClient(port);
const mismatches = [];

function see(what, actual, wanted) {
  const ok = actual === wanted;
  console.log(`${what} -> ${actual}${ok ? '' : ` (MISMATCH: expected ${wanted})`}`);
  if (!ok) {
    mismatches.push(what);
  }
}

async function checkStatus(service) {
  try {
    return (await unary(client, 'Check', { service })).status;
  }
  catch (error) {
    return codeName(error);
  }
}

async function watchStatus(service) {
  try {
    return await firstWatchMessage(client, service);
  }
  catch (error) {
    return codeName(error);
  }
}

async function list() {
  try {
    const response = await unary(client, 'List', {});
    return Object.fromEntries(Object.entries(response.statuses).map(([name, value]) => [name, value.status]));
  }
  catch (error) {
    return codeName(error);
  }
}

try {
  see('check ""', await checkStatus(''), expected['']);
  see('check "demo.Inventory"', await checkStatus('demo.Inventory'), expected['demo.Inventory']);
  see(`check "${UNKNOWN_SERVICE}"`, await checkStatus(UNKNOWN_SERVICE), 'NOT_FOUND');
  see('watch "demo.Greeter"', await watchStatus('demo.Greeter'), expected['demo.Greeter']);
  see(`watch "${UNKNOWN_SERVICE}"`, await watchStatus(UNKNOWN_SERVICE), 'SERVICE_UNKNOWN');
  const statuses = await list();
  console.log(`list -> ${JSON.stringify(statuses)}`);
  if (typeof statuses !== 'object') {
    mismatches.push('list');
  }
  else {
    for (const service of mustBeListed) {
      see(`list "${service}"`, statuses[service] ?? 'ABSENT', expected[service] ?? statuses[''] ?? 'SERVING');
    }
  }
}
finally {
  client.close();
}

console.log(mismatches.length === 0 ? 'interop OK' : `interop FAILED: ${mismatches.join(', ')}`);
process.exitCode = mismatches.length === 0 ? 0 : 1;
