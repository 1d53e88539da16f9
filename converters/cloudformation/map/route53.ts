/**
 * DNS links: a Route 53 record joins its hosted zone to what the record points at (an alias
 * target — a load balancer, a distribution, an API's custom domain — or the resources in its
 * values), and a custom domain name joins to the API its base-path/API mappings name. Records
 * usually name a zone that lives outside the template (`HostedZoneName: example.org.`); that zone
 * is drawn once, named after it, so the record's arrow still has a start.
 */
import { str } from './read.js';
import type { EdgeContext, EdgeRule, Endpoint } from './edges.js';

/** A zone named in a record: a zone of the inputs (by reference or name) or one outside them. */
function zonesOf(c: EdgeContext): Endpoint[] {
  const declared = c.at('HostedZoneId', 'HostedZoneName');
  if (declared.length) return declared;
  const name = str(c.e.props, 'HostedZoneName');
  const id = str(c.e.props, 'HostedZoneId');
  const zone = name !== undefined ? c.hostedZone({ name }) : id !== undefined ? c.hostedZone({ id }) : undefined;
  return zone ? [zone] : [];
}

function recordRule(targetPaths: readonly string[], consumes: readonly string[]): EdgeRule {
  return {
    consumes: ['HostedZoneId', 'HostedZoneName', ...consumes],
    edges: (c) => {
      const targets = c.at(...targetPaths).filter((t) => t.fate?.kind !== 'omit');
      // A zone outside the inputs is drawn only for a record that points at a resource of the inputs.
      if (targets.length) c.edge(zonesOf(c), c.e, 'network');
      c.edge(c.e, targets, 'network');
    },
  };
}

function mappingRule(domain: string, api: string): EdgeRule {
  return {
    consumes: [domain, api, 'Stage'],
    edges: (c) => { c.edge(c.at(domain), c.e, 'network'); c.edge(c.e, c.at(api), 'network'); },
  };
}

export const DNS_EDGE_RULES: Record<string, EdgeRule> = {
  'AWS::Route53::RecordSet': recordRule(['AliasTarget.DNSName', 'AliasTarget.HostedZoneId', 'ResourceRecords'], ['AliasTarget', 'ResourceRecords']),
  'AWS::Route53::RecordSetGroup': recordRule(['RecordSets[].AliasTarget.DNSName', 'RecordSets[].AliasTarget.HostedZoneId', 'RecordSets[].ResourceRecords'], ['RecordSets']),
  'AWS::ApiGateway::BasePathMapping': mappingRule('DomainName', 'RestApiId'),
  'AWS::ApiGateway::BasePathMappingV2': mappingRule('DomainNameArn', 'RestApiId'),
  'AWS::ApiGatewayV2::ApiMapping': mappingRule('DomainName', 'ApiId'),
};
