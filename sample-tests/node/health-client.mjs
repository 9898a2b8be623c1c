// A grpc.health.v1.Health client built from the official grpc-health-check package,
// whose service definition (health.proto from grpc-proto) includes Check, Watch and List.
import grpc from '@grpc/grpc-js';
import health from 'grpc-health-check';

const Health = grpc.makeClientConstructor(health.service, 'grpc.health.v1.Health');

/** A plain-text client for the Health service at 127.0.0.1:<port>. */
export function healthClient(port, host = '127.0.0.1') {
  return new Health(`${host}:${port}`, grpc.credentials.createInsecure());
}

/** The gRPC status code's name, such as NOT_FOUND, for an error from a call. */
export function codeName(error) {
  return Object.keys(grpc.status).find((name) => grpc.status[name] === error.code) ?? String(error.code);
}

/** A unary call as a promise, always with a deadline so a dead server cannot hang us. */
export function unary(client, method, request, timeoutMillis = 5000) {
  return new Promise((resolve, reject) => {
    client[method](request, { deadline: Date.now() + timeoutMillis }, (error, response) =>
      error ? reject(error) : resolve(response));
  });
}

/** The first message of a Watch, after which the call is cancelled. */
export function firstWatchMessage(client, service, timeoutMillis = 10000) {
  return new Promise((resolve, reject) => {
    const call = client.Watch({ service }, { deadline: Date.now() + timeoutMillis });
    let settled = false;
    call.on('data', (response) => {
      if (!settled) {
        settled = true;
        resolve(response.status);
        call.cancel();
      }
    });
    // After our own cancel() an error with CANCELLED follows: settled already, so ignored.
    call.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    call.on('end', () => {
      if (!settled) {
        settled = true;
        reject(new Error(`Watch ${JSON.stringify(service)} ended without a message`));
      }
    });
  });
}
