import { expect } from '@open-wc/testing';
// The Welsh catalogues, which the elements load on demand, loaded at once for these tests.
import '../welsh.js';
import { changeOn } from './change.js';
import { joinList, messages } from './messages.js';
import { symbol } from './symbols.js';

const en = messages('en');

describe('changeOn', () => {
  it('words a rate as percentage points, a count as a percentage, a difference as a count', () => {
    expect(changeOn(0.168, 0.15, { measure: 'points' }, en)?.text).to.equal('up 1.8 percentage points');
    expect(changeOn(3203, 2966, { measure: 'relative' }, en)?.text).to.equal('up 8.0%');
    expect(changeOn(120, 132, { measure: 'difference' }, en)?.text).to.equal('down 12');
    const wp = (words: string, percent: string) => `${words} (${percent})`;
    expect(changeOn(120, 132, { measure: 'difference', withPercent: true }, en, wp)?.text).to.equal('down 12 (9.1%)');
  });

  it('judges better or worse by polarity, and says nothing of tone without one', () => {
    const up = changeOn(110, 100, { measure: 'relative', polarity: 'down-good' }, en)!;
    expect([up.direction, up.tone, up.toneText]).to.deep.equal(['up', 'bad', 'worse']);
    expect(changeOn(110, 100, { measure: 'relative', polarity: 'up-good' }, en)?.tone).to.equal('good');
    expect(changeOn(110, 100, { measure: 'relative' }, en)?.tone).to.equal('neutral');
  });

  it('handles GSS symbols once: the strongest symbol of the two stands for the change', () => {
    expect(changeOn(symbol('c'), 100, { measure: 'relative' }, en)).to.include({ direction: 'none', text: '[c]' });
    expect(changeOn(symbol('x'), symbol('c'), { measure: 'points' }, en)?.text).to.equal('[c]');
    expect(changeOn(5, 0, { measure: 'relative' }, en)?.text).to.equal('[z]');
    expect(changeOn(5, undefined, { measure: 'relative' }, en)).to.equal(undefined);
  });

  it('calls a change that rounds to zero "no change"', () => {
    expect(changeOn(1000.4, 1000, { measure: 'relative' }, en)).to.include({ direction: 'same', text: 'no change' });
    expect(changeOn(0.2004, 0.2, { measure: 'points' }, en)?.direction).to.equal('same');
  });
});

describe('joinList', () => {
  it('joins in English and in Welsh, "ac" before a vowel', () => {
    expect(joinList('en', ['Police', 'Health', 'Education'])).to.equal('Police, Health and Education');
    expect(joinList('cy', ['Heddlu', 'Iechyd', 'Addysg'])).to.equal('Heddlu, Iechyd ac Addysg');
    expect(joinList('cy', ['Iechyd', 'Heddlu'])).to.equal('Iechyd a Heddlu');
    expect(joinList('en', ['One'])).to.equal('One');
    expect(joinList('en', [])).to.equal('');
  });
});
