/** Where the members of a group (instances, nodes, cluster instances) sit among its subnets. */

/**
 * The subnet the i-th member (0-based) of a group sits in. AWS balances a group's instances over
 * its Availability Zones, so members go round-robin over the zones (in the order their subnets
 * are listed), and within a zone round-robin over its subnets. A subnet whose zone is unknown
 * counts as a zone of its own. The first member lands in the first listed subnet.
 */
export function spreadOver(subnets: readonly string[], zoneOf: (subnet: string) => string | undefined): (i: number) => string | undefined {
  const zones: string[][] = [];
  const byZone = new Map<string, string[]>();
  for (const s of subnets) {
    const zone = zoneOf(s);
    const list = zone !== undefined ? byZone.get(zone) : undefined;
    if (list) list.push(s);
    else {
      const fresh = [s];
      zones.push(fresh);
      if (zone !== undefined) byZone.set(zone, fresh);
    }
  }
  return (i) => {
    if (!zones.length) return undefined;
    const zone = zones[i % zones.length]!;
    return zone[Math.floor(i / zones.length) % zone.length];
  };
}

