/** The stand-in Cloudcraft API (tests, offline pipelines): `startMockServer()`. */
export { startMockServer, type MockServer, type MockServerOptions, type LoggedRequest } from './server.js';
export { FaultInjector, type Fault } from './faults.js';
export { MockStore, type SeedData } from './store.js';
