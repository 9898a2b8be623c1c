// Watches one service's health and prints every status the server sends, for the live
// demo in the sample's README:
//
//   node watch.mjs [port=9090] [service=demo.Inventory]
//
// Runs until interrupted, or until the server completes the stream on shutdown.
import { codeName, healthClient } from './health-client.mjs';

const port = Number(process.argv[2] ?? 9090);
const service = process.argv[3] ?? 'demo.Inventory';
const client = healthClient(port);

const call = client.Watch({ service });
console.log(`watching ${JSON.stringify(service)} on 127.0.0.1:${port} (Ctrl-C to stop)`);
call.on('data', (response) => console.log(`${new Date().toISOString()} ${response.status}`));
call.on('end', () => {
  console.log(`${new Date().toISOString()} stream completed by the server`);
  client.close();
});
call.on('error', (error) => {
  console.error(`${new Date().toISOString()} ${codeName(error)}: ${error.details}`);
  client.close();
  process.exitCode = 1;
});
process.on('SIGINT', () => {
  call.cancel();
  client.close();
});
