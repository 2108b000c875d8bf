import { deserializeModel } from '../../src/ner/model.js';
import { scoreSpans } from '../../src/ner/eval.js';
import { trainNer, type TrainDocument } from '../../src/ner/train.js';
import { readConllDocuments } from '../../scripts/ner-data.js';

// Training on a small slice of eng.train must run in seconds and learn something.
describe('trainNer on a slice of eng.train', () => {
  const all = readConllDocuments('eng.train');
  const train = all.slice(0, 60);
  const heldOut = all.slice(60, 80);
  const gazetteer = { COUNTRY: ['Germany', 'France', 'Britain', 'Russia'], CORPSUF: ['Ltd', 'Inc', 'Corp'] };
  const opts = { epochs1: 3, epochs2: 3, folds: 2, seed: 7, gazetteer };
  const started = Date.now();
  const trained = trainNer(train, opts);
  const seconds = (Date.now() - started) / 1000;
  const tag = (docs: readonly TrainDocument[], tagger = trained.tagger) =>
    docs.flatMap((d) => tagger.tagDocument(d.map((s) => [...s.tokens])));

  it('trains in seconds', () => {
    expect(seconds).toBeLessThan(30);
  });

  it('tags held-out stories far better than chance', () => {
    const gold = heldOut.flatMap((d) => d.map((s) => [...s.tags]));
    const all = scoreSpans(gold, tag(heldOut)).find((r) => r.cls === 'ALL')!;
    expect(all.f1).toBeGreaterThan(0.5);
  });

  it('tags a country in a new sentence', () => {
    const tags = trained.tagger.tagDocument([[{ text: 'He' }, { text: 'flew' }, { text: 'to' }, { text: 'Germany' }, { text: '.' }]]);
    expect(tags[0]).toEqual(['O', 'O', 'O', 'B-LOC', 'O']);
  });

  it('is deterministic and survives serialisation', () => {
    const again = trainNer(train.slice(0, 20), opts);
    const once = trainNer(train.slice(0, 20), opts);
    expect(tag(heldOut, again.tagger)).toEqual(tag(heldOut, once.tagger));
    const { tagger } = deserializeModel(trained.serialize({}), 'test');
    const direct = tag(heldOut);
    const loaded = tag(heldOut, tagger);
    const same = direct.flat().filter((t, i) => t === loaded.flat()[i]).length;
    expect(same / direct.flat().length).toBeGreaterThan(0.995);
  });
});
