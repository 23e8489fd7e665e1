// Runs the official OpenFeature OFREP providers, unchanged, against a running flag-service.
//
// Driven by OpenFeatureProvidersCompatibilityTest, which creates the flags and passes:
//   OFREP_URL            base URL of flag-service, e.g. http://127.0.0.1:8081 (no trailing slash)
//   SERVER_KEY           a server key of the environment (sent as Authorization: Bearer)
//   CLIENT_KEY           a client key of the same environment (sent as X-API-Key)
//   TARGETING_KEY        targeting key for the evaluation context
//   TARGETING_EMAIL      an e-mail that matches the targeting rule of FLAG_BOOLEAN
//   FLAG_BOOLEAN         boolean flag whose rule serves variant "on" for TARGETING_EMAIL (TARGETING_MATCH)
//   FLAG_STRING          string flag, enabled; EXPECTED_STRING / EXPECTED_STRING_VARIANT is served
//   FLAG_NUMBER          number flag, enabled; EXPECTED_NUMBER is served
//   FLAG_OBJECT          object flag, enabled; EXPECTED_OBJECT (JSON) is served
//   FLAG_SPLIT           boolean flag served by a 50/50 split (reason SPLIT, needs a targeting key)
//   FLAG_MISSING         a key that does not exist
//   FLAG_CLIENT          client-visible boolean flag, enabled and serving "on"; the test switches it
//                        off after READY, then writes FLIPPED to stdin
//   FLAG_SERVER_ONLY     enabled boolean flag that is not client-visible
//
// Prints one line per check, "PASS <name>" or "FAIL <name>: <details>", and "READY" when the web
// provider is polling and the test may flip FLAG_CLIENT. Exits 0 only if every check passed.
//
// Under Node the web provider needs nothing but fetch (built into Node 18+). Its default cache mode
// writes to window.localStorage, which Node 20 does not have; the provider catches that, but to run
// it the way a browser does, a minimal in-memory localStorage is installed below.

import { createInterface } from 'node:readline';
import { OpenFeature as ServerOpenFeature } from '@openfeature/server-sdk';
import { OFREPProvider } from '@openfeature/ofrep-provider';
import { OpenFeature as WebOpenFeature, ProviderEvents } from '@openfeature/web-sdk';
import { OFREPWebProvider } from '@openfeature/ofrep-web-provider';

const POLL_INTERVAL_MS = 500;
const CHANGE_TIMEOUT_MS = 10_000;
const OVERALL_TIMEOUT_MS = 50_000;

function env(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    console.log(`FAIL setup: environment variable ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const cfg = {
  url: env('OFREP_URL').replace(/\/+$/, ''),
  serverKey: env('SERVER_KEY'),
  clientKey: env('CLIENT_KEY'),
  targetingKey: env('TARGETING_KEY'),
  email: env('TARGETING_EMAIL'),
  flagBoolean: env('FLAG_BOOLEAN'),
  flagString: env('FLAG_STRING'),
  expectedString: env('EXPECTED_STRING'),
  expectedStringVariant: env('EXPECTED_STRING_VARIANT'),
  flagNumber: env('FLAG_NUMBER'),
  expectedNumber: Number(env('EXPECTED_NUMBER')),
  flagObject: env('FLAG_OBJECT'),
  expectedObject: JSON.parse(env('EXPECTED_OBJECT')),
  flagSplit: env('FLAG_SPLIT'),
  flagMissing: env('FLAG_MISSING'),
  flagClient: env('FLAG_CLIENT'),
  flagServerOnly: env('FLAG_SERVER_ONLY'),
};

// ---------------------------------------------------------------------------------------------
// Observation only: record every request the providers send and what came back. The providers
// pick up globalThis.fetch themselves; this wrapper passes everything through untouched.
const exchanges = [];
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input, init) => {
  // Read, never re-wrap, the request: constructing a new Request from it would consume its body.
  const isRequest = input instanceof Request;
  const headers = new Headers(isRequest ? input.headers : undefined);
  new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
  const sent = {
    method: init?.method ?? (isRequest ? input.method : 'GET'),
    path: new URL(isRequest ? input.url : String(input)).pathname,
    headers: Object.fromEntries(headers.entries()),
  };
  const response = await realFetch(input, init);
  exchanges.push({
    ...sent,
    status: response.status,
    contentType: response.headers.get('content-type'),
    etag: response.headers.get('etag'),
  });
  return response;
};

// Minimal in-memory stand-in for the browser's localStorage (see header comment).
if (typeof globalThis.localStorage === 'undefined') {
  const items = new Map();
  globalThis.localStorage = {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

// ---------------------------------------------------------------------------------------------
let failures = 0;

function pass(name) {
  console.log(`PASS ${name}`);
}

function fail(name, details) {
  failures++;
  console.log(`FAIL ${name}: ${details}`);
}

function show(value) {
  return JSON.stringify(value, (k, v) => (v instanceof Error ? `${v.name}: ${v.message}` : v));
}

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(a[k], b[k]));
}

/** Runs one check: fn returns null when fine, or a string saying what was wrong. */
async function check(name, fn) {
  try {
    const problem = await fn();
    if (problem) {
      fail(name, problem);
    } else {
      pass(name);
    }
  } catch (e) {
    fail(name, `threw ${e?.name}: ${e?.message}`);
  }
}

/** Compares selected fields of evaluation details; returns a description of the differences or null. */
function expectDetails(details, expected) {
  const wrong = Object.entries(expected).filter(([k, v]) => !deepEqual(details[k], v));
  if (wrong.length === 0) return null;
  return `expected ${show(expected)} but the SDK returned ${show(details)}`;
}

function lastExchange(path) {
  return [...exchanges].reverse().find((x) => x.path === path);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const stdinLines = createInterface({ input: process.stdin });
function waitForLine(expected, timeoutMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stdinLines.off('line', onLine);
      resolve(false);
    }, timeoutMs);
    function onLine(line) {
      if (line.trim() === expected) {
        clearTimeout(timer);
        stdinLines.off('line', onLine);
        resolve(true);
      }
    }
    stdinLines.on('line', onLine);
  });
}

// ---------------------------------------------------------------------------------------------
async function serverChecks() {
  const provider = new OFREPProvider({
    baseUrl: cfg.url,
    headers: [['Authorization', `Bearer ${cfg.serverKey}`]],
  });
  await ServerOpenFeature.setProviderAndWait(provider);
  const client = ServerOpenFeature.getClient('lightswitch-compat');
  const context = { targetingKey: cfg.targetingKey, email: cfg.email };

  await check('server.boolean', async () => {
    const d = await client.getBooleanDetails(cfg.flagBoolean, false, context);
    const problem = expectDetails(d, { value: true, variant: 'on', reason: 'TARGETING_MATCH', errorCode: undefined });
    if (problem) return problem;
    const x = lastExchange(`/ofrep/v1/evaluate/flags/${cfg.flagBoolean}`);
    if (!x) return 'no request to the single-flag endpoint was seen';
    if (x.headers.authorization !== `Bearer ${cfg.serverKey}`) return `sent Authorization ${show(x.headers.authorization)}`;
    if (typeof d.flagMetadata?.flagVersion !== 'number') {
      return `flag metadata should carry a numeric flagVersion, got ${show(d.flagMetadata)}`;
    }
    return null;
  });

  await check('server.string', async () => {
    const value = await client.getStringValue(cfg.flagString, 'fallback', context);
    if (value !== cfg.expectedString) return `getStringValue returned ${show(value)}, expected ${show(cfg.expectedString)}`;
    const d = await client.getStringDetails(cfg.flagString, 'fallback', context);
    return expectDetails(d, { value: cfg.expectedString, variant: cfg.expectedStringVariant, reason: 'STATIC' });
  });

  await check('server.number', async () => {
    const d = await client.getNumberDetails(cfg.flagNumber, -1, context);
    return expectDetails(d, { value: cfg.expectedNumber, errorCode: undefined });
  });

  await check('server.object', async () => {
    const d = await client.getObjectDetails(cfg.flagObject, { fallback: true }, context);
    return expectDetails(d, { value: cfg.expectedObject, errorCode: undefined });
  });

  await check('server.split', async () => {
    const seen = new Set();
    for (let i = 0; i < 40; i++) {
      const d = await client.getBooleanDetails(cfg.flagSplit, false, { targetingKey: `split-user-${i}` });
      if (d.reason !== 'SPLIT' || d.errorCode) return `user ${i}: ${show(d)}`;
      seen.add(d.value);
    }
    if (seen.size !== 2) return `40 users all got ${show([...seen])}, expected both variants of a 50/50 split`;
    return null;
  });

  await check('server.missing-flag', async () => {
    const d = await client.getStringDetails(cfg.flagMissing, 'the-default', context);
    const problem = expectDetails(d, { value: 'the-default', errorCode: 'FLAG_NOT_FOUND', reason: 'ERROR' });
    if (problem) return problem;
    const x = lastExchange(`/ofrep/v1/evaluate/flags/${cfg.flagMissing}`);
    return x?.status === 404 ? null : `expected the service to answer 404, saw ${show(x)}`;
  });

  await check('server.split-without-targeting-key', async () => {
    const d = await client.getBooleanDetails(cfg.flagSplit, true, { country: 'de' });
    const problem = expectDetails(d, { value: true, errorCode: 'TARGETING_KEY_MISSING', reason: 'ERROR' });
    if (problem) return problem;
    const x = lastExchange(`/ofrep/v1/evaluate/flags/${cfg.flagSplit}`);
    return x?.status === 400 ? null : `expected the service to answer 400, saw ${show(x)}`;
  });

  await check('server.unknown-key', async () => {
    const bad = new OFREPProvider({ baseUrl: cfg.url, headers: [['Authorization', 'Bearer not-a-key']] });
    await ServerOpenFeature.setProviderAndWait('bad-key', bad);
    const d = await ServerOpenFeature.getClient('bad-key').getBooleanDetails(cfg.flagBoolean, false, context);
    if (d.value !== false || !d.errorCode) return `expected the default and an error code, got ${show(d)}`;
    const x = lastExchange(`/ofrep/v1/evaluate/flags/${cfg.flagBoolean}`);
    return x?.status === 401 ? null : `expected the service to answer 401, saw ${show(x)}`;
  });

  await ServerOpenFeature.close();
}

// ---------------------------------------------------------------------------------------------
async function webChecks() {
  const provider = new OFREPWebProvider({
    baseUrl: cfg.url,
    headers: [['X-API-Key', cfg.clientKey]],
    pollInterval: POLL_INTERVAL_MS,
  });
  const changes = [];
  const client = WebOpenFeature.getClient();
  client.addHandler(ProviderEvents.ConfigurationChanged, (details) => changes.push(details));

  let initialised = false;
  await check('web.initialise', async () => {
    await WebOpenFeature.setProviderAndWait(provider, { targetingKey: cfg.targetingKey });
    initialised = true;
    if (client.providerStatus !== 'READY') return `provider status is ${client.providerStatus}`;
    const x = lastExchange('/ofrep/v1/evaluate/flags');
    if (!x) return 'the web provider sent no bulk request';
    if (x.headers['x-api-key'] !== cfg.clientKey) return `bulk request carried X-API-Key ${show(x.headers['x-api-key'])}`;
    if (x.status !== 200 || !x.etag) return `first bulk answer was ${show(x)}, expected 200 with an ETag`;
    return null;
  });
  if (!initialised) return false;

  await check('web.client-flag', async () => {
    const value = client.getBooleanValue(cfg.flagClient, false);
    if (value !== true) return `getBooleanValue returned ${show(value)}, expected true`;
    return expectDetails(client.getBooleanDetails(cfg.flagClient, false), { variant: 'on', errorCode: undefined });
  });

  await check('web.server-only-flag-hidden', async () => {
    const d = client.getBooleanDetails(cfg.flagServerOnly, false);
    return expectDetails(d, { value: false, errorCode: 'FLAG_NOT_FOUND' });
  });

  await check('web.polls-with-if-none-match', async () => {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const first = exchanges.find((x) => x.path === '/ofrep/v1/evaluate/flags' && x.status === 200);
      const revalidated = exchanges.find(
        (x) => x.path === '/ofrep/v1/evaluate/flags' && x.status === 304 && x.headers['if-none-match'] === first?.etag,
      );
      if (revalidated) return null;
      await sleep(100);
    }
    const bulk = exchanges.filter((x) => x.path === '/ofrep/v1/evaluate/flags');
    return `no 304 answer to If-None-Match within 5 s; bulk exchanges: ${show(bulk)}`;
  });

  console.log('READY');
  await check('web.picks-up-change', async () => {
    if (!(await waitForLine('FLIPPED', 20_000))) return 'FLIPPED never arrived on stdin';
    const flippedAt = Date.now();
    while (Date.now() - flippedAt < CHANGE_TIMEOUT_MS) {
      const d = client.getBooleanDetails(cfg.flagClient, true);
      if (d.value === false) {
        const problem = expectDetails(d, { variant: 'off', reason: 'DISABLED', errorCode: undefined });
        if (problem) return problem;
        // the provider updates its cache before it emits the event, so give the event a moment
        const eventDeadline = Date.now() + 3_000;
        while (!changes.some((c) => (c.flagsChanged ?? []).includes(cfg.flagClient))) {
          if (Date.now() > eventDeadline) {
            return `value changed but no ConfigurationChanged event named the flag: ${show(changes)}`;
          }
          await sleep(50);
        }
        return null;
      }
      await sleep(100);
    }
    const bulk = exchanges.filter((x) => x.path === '/ofrep/v1/evaluate/flags').slice(-5);
    return `still ${show(client.getBooleanDetails(cfg.flagClient, true))} ${CHANGE_TIMEOUT_MS} ms after FLIPPED; last bulk exchanges: ${show(bulk)}`;
  });

  await WebOpenFeature.close();
  return true;
}

// ---------------------------------------------------------------------------------------------
const guard = setTimeout(() => {
  process.stdout.write(`FAIL overall: did not finish within ${OVERALL_TIMEOUT_MS} ms\n`, () => process.exit(1));
}, OVERALL_TIMEOUT_MS);

try {
  await serverChecks();
} catch (e) {
  fail('server.setup', `threw ${e?.name}: ${e?.message}`);
}
try {
  await webChecks();
} catch (e) {
  fail('web.setup', `threw ${e?.name}: ${e?.message}`);
}
clearTimeout(guard);
stdinLines.close();
// Exit once the summary is flushed (stdout to a pipe is asynchronous on some platforms).
const summary = failures === 0 ? 'ALL PASSED' : `${failures} CHECK(S) FAILED`;
process.stdout.write(`${summary}\n`, () => process.exit(failures === 0 ? 0 : 1));
