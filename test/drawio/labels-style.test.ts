/** Labels (HTML, entities, placeholders, wrappers) and style parsing. */
import { describe, expect, it } from 'vitest';
import { decodeEntities, fillPlaceholders, htmlToText, labelText } from '../../converters/drawio/label.js';
import { parseStyle, rotationOf, stencilOf, styleColor } from '../../converters/drawio/style.js';
import { byCell, icon, model, run, vertex } from './build-xml.js';

describe('labels', () => {
  it.each([
    ['<b>web</b><br>app', 'web\napp'],
    ['orders &amp; payments<div>(on-demand)</div>', 'orders & payments\n(on-demand)'],
    ['a&nbsp;&nbsp;b &lt;c&gt; &#x41;&#66; &hellip;', 'a b <c> AB …'],
    ['<div>line one</div><div><br></div><div>line two</div>', 'line one\nline two'],
    ['<font style="font-size: 13px;"><b>Route53</b></font>', 'Route53'],
    ['  spaced\n   out  ', 'spaced out'],
    ['<style>.x{}</style>kept', 'kept'],
    ['&unknown; &#0; stays', '&unknown; &#0; stays'],
  ])('%j → %j', (html, text) => expect(htmlToText(html)).toBe(text));

  it('keeps plain-text labels as written, real newlines included', () => {
    expect(labelText({ value: 'a <b>\nline', html: false, placeholders: false })).toBe('a <b>\nline');
  });

  it('fills placeholders from wrapper attributes and leaves unknown ones', () => {
    const attrs = new Map([['service', 'api'], ['env', 'prod']]);
    expect(fillPlaceholders('%service% (%env%) %missing%', attrs)).toBe('api (prod) %missing%');
  });

  it('decodes numeric and named references, not beyond Unicode', () => {
    expect(decodeEntities('&#128512;&#x110000;&amp;amp;')).toBe('😀&#x110000;&amp;');
  });

  it('reads id and label from UserObject/object wrappers, placeholders included', async () => {
    const xml = model([
      `<UserObject label="%svc%&lt;br&gt;%env%" svc="checkout" env="prod" placeholders="1" id="u1"><mxCell style="${icon('lambda')}" vertex="1" parent="1"><mxGeometry width="60" height="60" as="geometry"/></mxCell></UserObject>`,
      `<object label="plain &amp;amp; simple" id="o1"><mxCell style="${icon('s3')}html=1;" vertex="1" parent="1"><mxGeometry x="100" width="60" height="60" as="geometry"/></mxCell></object>`,
    ]);
    const r = await run(xml);
    expect(byCell(r.graph, 'u1')).toMatchObject({ name: 'checkout\nprod', ccType: 'lambda', address: 'Page-1/u1' });
    expect(byCell(r.graph, 'o1')).toMatchObject({ name: 'plain & simple', ccType: 's3' });
  });

  it('labels an unlabelled icon with the text cell under it, and a box with the text on its edge', async () => {
    const xml = model([
      vertex('sg', 'rounded=1;dashed=1;strokeColor=#ff0000;fillColor=none;', 0, 100, 300, 200),
      vertex('sgName', 'text;html=1;', 60, 70, 150, 30, { value: 'web-security-group' }),
      vertex('fn', icon('lambda'), 100, 150, 60, 60),
      vertex('fnName', 'text;html=1;', 90, 212, 80, 20, { value: 'resize' }),
      vertex('note', 'text;html=1;', 600, 600, 80, 20, { value: 'a note far away' }),
    ]);
    const r = await run(xml);
    expect(byCell(r.graph, 'fn').name).toBe('resize');
    expect(byCell(r.graph, 'sg')).toMatchObject({ ccType: 'sg', name: 'web-security-group' });
    expect(r.diagnostics.find((d) => d.ruleId === 'drawio-free-text')?.reason).toMatch(/1 text label/);
  });

  it('does not take notes written over a big plain panel as its name, nor step badges as shapes', async () => {
    const r = await run(model([
      vertex('panel', 'rounded=0;fillColor=#EAEDED;strokeColor=none;', 0, 0, 500, 800),
      vertex('note', 'text;html=1;', 60, 40, 400, 100, { value: 'Lorem ipsum dolor sit amet' }),
      vertex('badge', 'rounded=1;fillColor=#007CBD;', 10, 40, 40, 38, { value: '1' }),
      vertex('s3', 'rounded=1;', 600, 40, 40, 38, { value: 'S3' }),
    ]));
    expect(r.graph!.resources.map((x) => [x.meta!['drawioId'], x.ccType])).toEqual([['s3', 's3']]);
  });
});

describe('styles', () => {
  it('parses key=value pairs and bare names into a Map (no prototype keys)', () => {
    const s = parseStyle('text;html=1;__proto__=x;constructor=y;;shape=mxgraph.aws4.lambda;shape=ellipse');
    expect(s.names).toEqual(['text']);
    expect(s.values.get('shape')).toBe('ellipse');
    expect(s.values.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it.each([
    ['shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.lambda', 'aws4:lambda', 'mxgraph.aws4.lambda'],
    ['shape=mxgraph.aws4.productIcon;prIcon=mxgraph.aws4.elastic_load_balancing', 'aws4:elastic_load_balancing', 'mxgraph.aws4.elastic_load_balancing'],
    ['shape=mxgraph.aws4.groupCenter;grIcon=mxgraph.aws4.group_auto_scaling_group', 'aws4:group_auto_scaling_group', 'mxgraph.aws4.group_auto_scaling_group'],
    ['shape=mxgraph.aws4.application_load_balancer', 'aws4:application_load_balancer', 'mxgraph.aws4.application_load_balancer'],
    ['shape=mxgraph.aws3.rds_db_instance', 'aws3:rds_db_instance', 'mxgraph.aws3.rds_db_instance'],
    ['shape=mxgraph.aws3d.elasticLoadBalancing', 'aws3d:elasticLoadBalancing', 'mxgraph.aws3d.elasticLoadBalancing'],
    ['shape=mxgraph.azure.storage_blob', 'azure:storage_blob', 'mxgraph.azure.storage_blob'],
    ['aspect=fixed;image;image=img/lib/azure2/compute/Virtual_Machine.svg', 'azure2:virtual_machine', 'img/lib/azure2/compute/Virtual_Machine.svg'],
    ['shape=image;image=img/lib/mscae/Cosmos_DB.svg', 'mscae:cosmos_db', 'img/lib/mscae/Cosmos_DB.svg'],
    ['shape=image;image=data:image/png,iVBOR', undefined, 'image (embedded)'],
    ['shape=mxgraph.cisco19.key', undefined, 'mxgraph.cisco19.key'],
    ['rounded=1;whiteSpace=wrap', undefined, 'rounded rectangle'],
    ['ellipse;fillColor=#000000', undefined, 'ellipse'],
  ])('%s → %s', (style, key, sourceType) => {
    const s = stencilOf(parseStyle(style));
    expect(s.key).toBe(key);
    expect(s.sourceType).toBe(sourceType);
  });

  it('reads colours (#rgb, #rrggbb, light-dark) and ignores none/default', () => {
    const s = parseStyle('strokeColor=#abc;fillColor=none;fontColor=light-dark(#001DBC,#0000FF);gradientColor=#12345G');
    expect(styleColor(s, 'strokeColor')).toBe('#AABBCC');
    expect(styleColor(s, 'fillColor')).toBeUndefined();
    expect(styleColor(s, 'fontColor')).toBe('#001DBC');
    expect(styleColor(s, 'gradientColor')).toBeUndefined();
  });

  it('normalises rotation', () => {
    expect(rotationOf(parseStyle('rotation=-90'))).toBe(270);
    expect(rotationOf(parseStyle('rotation=abc'))).toBe(0);
  });
});
