/**
 * SAM `Events` of functions and state machines as typed edges, without running the SAM
 * transform: each event type names its source property; an Api/HttpApi event without an API id
 * uses the implicit `ServerlessRestApi` / `ServerlessHttpApi`; schedules and EventBridge rules
 * without a bus come from the region's default event bus.
 */
import type { EdgeKind } from '../../../src/graph/types.js';
import { isPlainObject } from '../load/template.js';
import { IMPLICIT_HTTP_API, IMPLICIT_REST_API } from '../stack/sam.js';
import type { EdgeContext, Endpoint } from './edges.js';
import { str } from './read.js';

interface EventSource {
  /** Properties naming the source resource. */
  paths: string[];
  kind: EdgeKind;
  /** When no source resource is named. */
  fallback?: 'rest-api' | 'http-api' | 'default-bus';
}

const EVENT_SOURCES: Record<string, EventSource> = {
  Api: { paths: ['RestApiId'], kind: 'event', fallback: 'rest-api' },
  HttpApi: { paths: ['ApiId'], kind: 'event', fallback: 'http-api' },
  S3: { paths: ['Bucket'], kind: 'event' },
  SNS: { paths: ['Topic'], kind: 'dataflow' },
  SQS: { paths: ['Queue'], kind: 'dataflow' },
  Kinesis: { paths: ['Stream'], kind: 'dataflow' },
  DynamoDB: { paths: ['Stream'], kind: 'dataflow' },
  DocumentDB: { paths: ['Cluster'], kind: 'dataflow' },
  MSK: { paths: ['Stream'], kind: 'dataflow' },
  MQ: { paths: ['Broker'], kind: 'dataflow' },
  Schedule: { paths: [], kind: 'event', fallback: 'default-bus' },
  ScheduleV2: { paths: [], kind: 'event', fallback: 'default-bus' },
  CloudWatchEvent: { paths: ['EventBusName', 'Pattern'], kind: 'event', fallback: 'default-bus' },
  EventBridgeRule: { paths: ['EventBusName', 'Pattern'], kind: 'event', fallback: 'default-bus' },
  Cognito: { paths: ['UserPool'], kind: 'event' },
  CloudWatchLogs: { paths: ['LogGroupName'], kind: 'dataflow' },
  IoTRule: { paths: [], kind: 'event' },
};

/** Adds one edge per event of a SAM function or state machine. */
export function samEventEdges(c: EdgeContext, implicitApi: (name: string) => Endpoint | undefined): void {
  const events = c.e.props['Events'];
  if (!isPlainObject(events)) return;
  for (const [name, event] of Object.entries(events)) {
    if (!isPlainObject(event)) continue;
    const type = str(event, 'Type') ?? '';
    const spec = EVENT_SOURCES[type];
    const base = `Events.${name}.Properties`;
    const sources = c.at(...(spec ? spec.paths : ['']).map((p) => (p ? `${base}.${p}` : base)));
    if (sources.length) {
      c.edge(sources, c.e, spec?.kind ?? 'event');
      continue;
    }
    if (spec?.fallback === 'rest-api') c.edge(implicitApi(IMPLICIT_REST_API), c.e, spec.kind);
    else if (spec?.fallback === 'http-api') c.edge(implicitApi(IMPLICIT_HTTP_API), c.e, spec.kind);
    else if (spec?.fallback === 'default-bus') c.edge(c.defaultBus(), c.e, spec.kind);
  }
}

/** Whether a SAM function's events need an implicit API (so it is drawn even if nothing refers to it). */
export function implicitApisUsed(props: Record<string, unknown>): string[] {
  const events = props['Events'];
  const out = new Set<string>();
  if (!isPlainObject(events)) return [];
  for (const event of Object.values(events)) {
    if (!isPlainObject(event)) continue;
    const p = isPlainObject(event['Properties']) ? event['Properties'] : {};
    if (event['Type'] === 'Api' && p['RestApiId'] === undefined) out.add(IMPLICIT_REST_API);
    if (event['Type'] === 'HttpApi' && p['ApiId'] === undefined) out.add(IMPLICIT_HTTP_API);
  }
  return [...out];
}
