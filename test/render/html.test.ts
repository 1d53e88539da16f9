/** The HTML preview as text: self-contained, CSP-locked, legend and tooltip data, escaping. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/index.js';
import { blueprint, exportedBlueprint, node } from './helpers.js';

const htmlOf = (doc: unknown, options = {}) => {
  const r = renderHtml(doc, options);
  expect(r.ok).toBe(true);
  return r.output!;
};
const between = (s: string, start: string, end: string) => {
  const from = s.indexOf(start) + start.length;
  return s.slice(from, s.indexOf(end, from));
};
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

interface Tip { id: string; type: string; title: string; name?: string; props: [string, string][] }

describe('renderHtml', () => {
  it('runs only its own script and style, allowed by hash, and loads nothing', () => {
    const html = htmlOf(exportedBlueprint());
    const csp = between(html, '<meta http-equiv="Content-Security-Policy" content="', '"').replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("img-src 'none'");
    expect(csp).toContain(`script-src ${sha(between(html, '<script>', '</script>'))}`);
    expect(csp).toContain(`style-src ${sha(between(html, '<style>', '</style>'))}`);
    expect(html.match(/<script[ >]/g)).toHaveLength(2); // the code and one application/json data block
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).not.toMatch(/\b(src|href)=/);
  });

  it('lists every component and container type in the legend, with counts', () => {
    const html = htmlOf(exportedBlueprint());
    const legend = between(html, '<aside id="cc-legend"', '</aside>');
    const items = [...legend.matchAll(/data-type="([^"]+)" data-kind="(\w+)">.*?cc-legend-title">([^<]+)<.*?cc-legend-count">(\d+)</g)]
      .map((m) => `${m[2]}:${m[1]}:${m[3]}:${m[4]}`);
    expect(items).toEqual([
      'component:block:Block:1', 'component:ec2:EC2 instance:2', 'component:icon:Icon:1', 'component:elb:Load balancer:1',
      'component:rds:RDS database:1', 'component:s3:S3 bucket:1',
      'container:area:Area:1', 'container:asg:Auto Scaling group:1', 'container:subnet:Subnet:2', 'container:vpc:VPC:1',
    ]);
  });

  it("carries each object's type, name and mapped fields for the tooltip, in data-i order", () => {
    const html = htmlOf(exportedBlueprint());
    const tips = JSON.parse(between(html, '<script type="application/json" id="cc-data">', '</script>')) as Tip[];
    const at = (id: string) => Number(new RegExp(`data-id="${id}" data-type="[^"]+" data-i="(\\d+)"`).exec(html)![1]);
    // A Cloudcraft export does not tie labels to components, so this one has no name.
    expect(tips[at('i-1')]).toStrictEqual({ id: 'i-1', type: 'ec2', title: 'EC2 instance', props: [['region', 'us-east-1'], ['instanceType', 't3'], ['instanceSize', 'small']] });
    expect(tips[at('db-1')]!.props).toContainEqual(['engine', 'mysql']);
    expect(tips[at('db-1')]!.props).toContainEqual(['billingOptions', '{"type":"od","utilization":1}']);
    expect(tips[at('vpc-1')]).toMatchObject({ type: 'vpc', title: 'VPC', name: 'main', props: [['members', '3'], ['region', 'us-east-1']] });
  });

  it('names a component after the label attached to it', () => {
    const html = htmlOf(blueprint({ nodes: [node('a', 0, 0, 'lambda', { memory: 512 })],
      text: [{ type: 'isotext', id: 't', mapPos: [0, 1.25], text: 'order-worker', attachedTo: 'a' }] }));
    const tips = JSON.parse(between(html, 'id="cc-data">', '</script>')) as Tip[];
    expect(tips[0]).toEqual({ id: 'a', type: 'lambda', title: 'Lambda function', name: 'order-worker', props: [['memory', '512']] });
  });

  it('keeps hostile text inert: escaped in markup, \\u-escaped in the data block', () => {
    const evil = '</script><script>window.pwned=1</script><!-- <img src=x onerror=alert(1)>';
    const html = htmlOf(blueprint({ nodes: [node('a', 0, 0, 'ec2', { instanceType: evil })],
      text: [{ type: 'isotext', id: 't', mapPos: [0, 1.25], text: evil, attachedTo: 'a' }] }, { name: evil }));
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    const tips = JSON.parse(between(html, 'id="cc-data">', '</script>')) as Tip[];
    expect(tips[0]!.name).toBe(evil);
    expect(tips[0]!.props).toContainEqual(['instanceType', evil]);
    expect(html).toContain('<title>&lt;/script&gt;&lt;script&gt;window.pwned=1');
  });

  it('is byte-identical run to run and follows the theme', () => {
    expect(htmlOf(exportedBlueprint())).toBe(htmlOf(exportedBlueprint()));
    const dark = htmlOf(exportedBlueprint(), { theme: 'dark' });
    expect(dark).toContain('class="cc-theme-dark"');
    expect(dark).toContain('background:#161b22');
  });
});
