/**
 * draw.io at scale: a generated ~5 MB diagram of ~10 000 cells (regions › VPCs › AZs › subnets ›
 * AWS icons, wrappers, text labels, edges, floating edges), plain and compressed. Prints the
 * converter's own stages (decode + XML parse, page → graph), the source layout, and the whole
 * pipeline (emit and schema validation included), as medians over several runs.
 */
import { deflateRawSync } from 'node:zlib';
import { converter } from '../converters/drawio/index.js';
import { convert } from '../src/convert.js';
import { inputFromText } from '../src/input.js';

const ICONS = ['lambda', 'ec2', 'rds', 's3', 'dynamodb', 'sqs', 'sns', 'api_gateway', 'elasticache', 'cloudwatch'];

/** One page: `vpcs` VPCs with 2 AZs × 2 subnets × `perSubnet` icons each, linked in chains. */
function diagram(vpcs: number, perSubnet: number): { xml: string; cells: number } {
  const out: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  const cell = (id: string, parent: string, style: string, x: number, y: number, w: number, h: number, value = '') =>
    out.push(`<mxCell id="${id}" value="${value}" style="${style}" vertex="1" parent="${parent}"><mxGeometry x="${x}" y="${y}" width="${w}" height="${h}" as="geometry"/></mxCell>`);
  const grp = (icon: string) => `points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1]];outlineConnect=0;gradientColor=none;html=1;whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.${icon};strokeColor=#8C4FFF;fillColor=none;verticalAlign=top;align=left;spacingLeft=30;fontColor=#AAB7B8;dashed=0;`;
  const res = (icon: string) => `sketch=0;points=[[0,0,0],[0.25,0,0],[0.5,0,0],[0.75,0,0],[1,0,0],[0,1,0],[0.25,1,0],[0.5,1,0],[0.75,1,0],[1,1,0]];outlineConnect=0;fontColor=#232F3E;fillColor=#ED7100;strokeColor=#ffffff;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${icon};`;
  const cols = Math.ceil(Math.sqrt(perSubnet));
  const subW = cols * 140 + 40;
  const subH = Math.ceil(perSubnet / cols) * 150 + 60;
  let edge = 0;
  for (let v = 0; v < vpcs; v++) {
    const vx = (v % 8) * (4 * subW + 200);
    const vy = Math.floor(v / 8) * (2 * subH + 300);
    cell(`vpc${v}`, '1', grp('group_vpc2'), vx, vy, 4 * subW + 150, 2 * subH + 200, `VPC ${v}`);
    for (let z = 0; z < 2; z++) {
      cell(`az${v}-${z}`, `vpc${v}`, grp('group_availability_zone'), 40 + z * (2 * subW + 50), 60, 2 * subW + 30, 2 * subH + 100, `us-east-1${'ab'[z]}`);
      for (let s = 0; s < 2; s++) {
        const sid = `sn${v}-${z}-${s}`;
        cell(sid, `az${v}-${z}`, grp('group_security_group').replace('#8C4FFF', s ? '#00A4A6' : '#7AA116'), 10 + s * (subW + 10), 40, subW, subH, `${s ? 'Private' : 'Public'} subnet ${z}${s}`);
        let prev = '';
        for (let i = 0; i < perSubnet; i++) {
          const id = `n${v}-${z}-${s}-${i}`;
          const x = 30 + (i % cols) * 140;
          const y = 50 + Math.floor(i / cols) * 150;
          if (i % 10 === 0) {
            out.push(`<UserObject label="%name%" name="svc-${id}" owner="team-${i % 7}" placeholders="1" id="${id}"><mxCell style="${res(ICONS[i % ICONS.length]!)}" vertex="1" parent="${sid}"><mxGeometry x="${x}" y="${y}" width="78" height="78" as="geometry"/></mxCell></UserObject>`);
          } else if (i % 10 === 1) {
            cell(id, sid, res(ICONS[i % ICONS.length]!), x, y, 78, 78);
            cell(`${id}-t`, sid, 'text;html=1;align=center;', x - 10, y + 80, 100, 20, `label &amp;lt;b&amp;gt;${i}&amp;lt;/b&amp;gt;`);
          } else {
            cell(id, sid, res(ICONS[i % ICONS.length]!), x, y, 78, 78, `node ${i}`);
          }
          if (prev) {
            const floating = edge % 13 === 0;
            out.push(floating
              ? `<mxCell id="e${edge}" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="1" source="${prev}"><mxGeometry relative="1" as="geometry"><mxPoint x="0" y="0" as="targetPoint"/></mxGeometry></mxCell>`
              : `<mxCell id="e${edge}" value="${edge % 5 ? '' : 'calls'}" style="edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;html=1;${edge % 3 ? '' : 'dashed=1;'}" edge="1" parent="1" source="${prev}" target="${id}"><mxGeometry relative="1" as="geometry"><Array as="points"><mxPoint x="${x}" y="${y}"/></Array></mxGeometry></mxCell>`);
            edge++;
          }
          prev = id;
        }
      }
    }
  }
  return { xml: `<mxGraphModel dx="1000" dy="1000" grid="1"><root>${out.join('')}</root></mxGraphModel>`, cells: out.length };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const { xml: model, cells } = diagram(14, 90);
  const plain = `<mxfile><diagram name="Large" id="large">${model}</diagram></mxfile>`;
  const packed = `<mxfile><diagram name="Large" id="large">${deflateRawSync(Buffer.from(encodeURIComponent(model))).toString('base64')}</diagram></mxfile>`;
  const mb = (n: number) => (n / 1048576).toFixed(2);
  console.log(`generated: ${cells} cells, plain ${mb(plain.length)} MB, compressed ${mb(packed.length)} MB`);
  for (const [label, text] of [['plain', plain], ['compressed', packed]] as const) {
    const runs = 5;
    const parse: number[] = [], build: number[] = [], converterTotal: number[] = [];
    let resources = 0, edges = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await converter.parse([inputFromText(text, `large-${label}.drawio`)], { options: {}, openRelative: () => { throw new Error('unused'); } });
      converterTotal.push(performance.now() - t);
      parse.push(r.timings!['parse']!);
      build.push(r.timings!['build']!);
      resources = r.graph.resources.length;
      edges = r.graph.edges.length;
    }
    const pipeline: number[] = [], layoutMs: number[] = [], emit: number[] = [], validate: number[] = [];
    let ok = false;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await convert({ text, name: `large-${label}.drawio` });
      pipeline.push(performance.now() - t);
      layoutMs.push(r.timings['layout'] ?? NaN);
      emit.push(r.timings['emit'] ?? NaN);
      validate.push(r.timings['validate'] ?? NaN);
      ok = r.ok;
    }
    const mbps = (plain.length / 1048576) / (median(parse) / 1000);
    console.log(`\n[${label}] ${resources} resources, ${edges} edges (median of ${runs} / 3 runs)`);
    console.log(`  decode + XML parse   ${median(parse).toFixed(0).padStart(6)} ms  (${mbps.toFixed(1)} MB/s of diagram XML)`);
    console.log(`  page → graph         ${median(build).toFixed(0).padStart(6)} ms`);
    console.log(`  converter total      ${median(converterTotal).toFixed(0).padStart(6)} ms`);
    console.log(`  source layout        ${median(layoutMs).toFixed(0).padStart(6)} ms`);
    console.log(`  emit / validate      ${median(emit).toFixed(0).padStart(6)} ms / ${median(validate).toFixed(0)} ms`);
    console.log(`  whole pipeline       ${median(pipeline).toFixed(0).padStart(6)} ms  ok=${ok}`);
  }
  console.log(`\nmax RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
