import { readFileSync } from 'node:fs';
import { EVENT_LABEL, NODE_KEY, REL_PROPS, SUBTYPE_LABEL } from '../../src/graph/types.js';
import { GRASS_FILE, interpolateCaption, loadGrass, parseGrass, styleFor } from '../../src/view/grass.js';

describe('browser/newsgraph.grass', () => {
  const { text, rules } = loadGrass();
  const nodeRule = (label: string) => rules.find((r) => r.tag === 'node' && r.classes.length === 1 && r.classes[0] === label);
  const relRule = (type: string) => rules.find((r) => r.tag === 'relationship' && r.classes.length === 1 && r.classes[0] === type);

  it('colours, sizes and captions every primary label', () => {
    for (const label of Object.keys(NODE_KEY)) {
      const r = nodeRule(label);
      expect({ label, color: r?.props.color, diameter: r?.props.diameter, caption: r?.props.caption }).toEqual({
        label,
        color: expect.stringMatching(/^#[0-9A-F]{6}$/iu),
        diameter: expect.stringMatching(/^\d+px$/u),
        caption: expect.stringMatching(/\{\w+\}/u),
      });
    }
    expect(nodeRule('Event')?.props.caption).toBe('{type} {date}');
    expect(nodeRule('Person')?.props.caption).toBe('{name}');
  });

  it('has a colour for every secondary label (subtypes and event types), each different from its primary', () => {
    for (const label of [...Object.values(SUBTYPE_LABEL), ...Object.values(EVENT_LABEL)]) {
      expect({ label, color: nodeRule(label)?.props.color }).toEqual({ label, color: expect.stringMatching(/^#[0-9A-F]{6}$/iu) });
    }
    expect(nodeRule('Company')?.props.color).not.toBe(nodeRule('Organization')?.props.color);
    expect(nodeRule('Country')?.props.color).not.toBe(nodeRule('Location')?.props.color);
  });

  it('captions every relationship type; the actor-to-actor edges with their date', () => {
    for (const [type, props] of Object.entries(REL_PROPS)) {
      const caption = relRule(type)?.props.caption ?? '';
      expect({ type, caption }).toEqual({ type, caption: expect.stringContaining(type) });
      if ('date' in props) expect(caption).toBe(`${type} {date}`);
    }
  });

  it('puts secondary labels after the primary ones, so they win in Browser (rules apply in file order)', () => {
    expect(styleFor(rules, 'node', ['Organization', 'Company']).color).toBe(nodeRule('Company')?.props.color);
    expect(styleFor(rules, 'node', ['Location', 'Country']).color).toBe(nodeRule('Country')?.props.color);
    expect(styleFor(rules, 'node', ['Event', 'Accusation']).caption).toBe('{type} {date}');
    expect(styleFor(rules, 'node', ['Event', 'Accusation']).color).toBe(nodeRule('Accusation')?.props.color);
  });

  it('stays inside what Browser parses: no comments, captions in single quotes, no ":" inside values', () => {
    expect(text).not.toMatch(/\/\*|\/\//u);
    expect(text).not.toMatch(/"/u);
    for (const line of text.split('\n').filter((l) => l.includes(':'))) expect(line.split(':').length).toBe(2);
    expect(readFileSync(GRASS_FILE, 'utf8')).toBe(text);
  });
});

describe('parseGrass', () => {
  it('reads selectors, properties and quoted values', () => {
    expect(parseGrass("node { color: #111111; }\nnode.A.B { caption: '{name} x;y'; diameter: 5px }\nrelationship.T { caption: '<type>'; }")).toEqual([
      { tag: 'node', classes: [], props: { color: '#111111' } },
      { tag: 'node', classes: ['A', 'B'], props: { caption: '{name} x;y', diameter: '5px' } },
      { tag: 'relationship', classes: ['T'], props: { caption: '<type>' } },
    ]);
  });
  it('names the broken rule', () => {
    expect(() => parseGrass('node.A { color: red;')).toThrow(/node\.A.*closing brace/u);
    expect(() => parseGrass('edge { color: red; }')).toThrow(/"edge" is not node/u);
  });
});

describe('interpolateCaption', () => {
  it.each([
    ['ACCUSED {date}', { date: '2020-05-25' }, 'ACCUSED', 'ACCUSED 2020-05-25'],
    ['ACCUSED {date}', { date: null }, 'ACCUSED', 'ACCUSED'],
    ['{type} {date}', { type: 'SANCTION', date: '2020-05' }, 'Event', 'SANCTION 2020-05'],
    ['{aliases}', { aliases: ['A', 'B'] }, 'Person', 'A, B'],
    ['<type>', {}, 'SANCTIONED', 'SANCTIONED'],
  ])('%s with %j', (template, props, type, expected) => expect(interpolateCaption(template, props, type)).toBe(expected));
});
