/** Fn::Cidr arithmetic: `count` subnets of `2^cidrBits` addresses carved from an IPv4/IPv6 block. */

function parseIpv4(ip: string): bigint | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

function formatIpv4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
}

function parseIpv6(ip: string): bigint | undefined {
  const halves = ip.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

/** RFC 5952 text: lowercase, the longest run of two or more zero groups shortened to `::`. */
function formatIpv6(n: bigint): string {
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((n >> s) & 0xffffn).toString(16));
  let best = { start: -1, len: 1 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.len) best = { start: i, len: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.len).join(':')}`;
}

/** The subnets, or a reason when the arguments are out of range. */
export function cidrSubnets(block: string, count: number, cidrBits: number): string[] | string {
  const [ip, prefixText] = block.split('/');
  const prefix = Number(prefixText);
  const v6 = ip?.includes(':') ?? false;
  const width = v6 ? 128 : 32;
  const base = ip === undefined ? undefined : v6 ? parseIpv6(ip) : parseIpv4(ip);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > width) return `${JSON.stringify(block)} is not a CIDR block`;
  if (!Number.isInteger(count) || count < 1 || count > 256) return 'count must be 1 to 256';
  const newPrefix = width - cidrBits;
  if (!Number.isInteger(cidrBits) || cidrBits < 1 || newPrefix < prefix) return `cidrBits ${cidrBits} does not fit in a /${prefix}`;
  if (BigInt(count) > 1n << BigInt(newPrefix - prefix)) return `a /${prefix} holds fewer than ${count} /${newPrefix} subnets`;
  const mask = ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - prefix)) - 1n);
  const start = base & mask;
  const step = 1n << BigInt(cidrBits);
  const out: string[] = [];
  for (let i = 0n; i < BigInt(count); i++) {
    const n = start + i * step;
    out.push(`${v6 ? formatIpv6(n) : formatIpv4(n)}/${newPrefix}`);
  }
  return out;
}
