import { expect } from '@open-wc/testing';
// The Welsh catalogues, which the elements load on demand, loaded at once for these tests.
import '../welsh.js';
import { validateEnvelope } from './contract.js';
import { formatCount, formatDate, formatPercent, formatValue } from './format.js';
import { messages, normaliseLang } from './messages.js';
import { isPeriod, parsePeriod, quarterMonths } from './periods.js';
import { detectFormat, parseJsonText, readCsv, tidyCsvText } from './readers.js';
import { isSymbol, parseValue, ratio, sumValues, symbol } from './symbols.js';
import { decodeBody, requestKey, retryDelay } from './loader.js';
import { coerceBoolean, coerceNumber, NUMBER_SPECS, yearsSpec, type NumberSpec } from './properties.js';
import { problemsOf } from '../../test/helpers.js';

const en = messages('en');

const measures = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
  { id: 'r', label: 'R', numerator: 'a', denominator: 'b' },
];

describe('GSS symbols', () => {
  it('reads bare and bracketed symbols, in any case, and keeps them as symbols', () => {
    for (const text of ['c', '[c]', ' [C] ', 'x', '[z]', 'u', 'low', '[low]', 'k']) {
      const v = parseValue(text);
      expect(isSymbol(v), text).to.equal(true);
    }
    expect(parseValue('[low]')).to.equal(symbol('low'));
  });
  it('reads numbers, with thousands separators, and keeps a true zero', () => {
    expect(parseValue('16,424')).to.equal(16424);
    expect(parseValue('0')).to.equal(0);
    expect(parseValue(0)).to.equal(0);
    expect(parseValue('18.8')).to.equal(18.8);
    expect(parseValue('')).to.equal(undefined);
    expect(parseValue('abc')).to.equal(undefined);
    expect(parseValue(NaN)).to.equal(undefined);
  });
  it('never turns a symbol into 0 in a sum or a rate', () => {
    expect(sumValues([1, symbol('c'), 3])).to.equal(symbol('c'));
    expect(sumValues([symbol('u'), symbol('c')])).to.equal(symbol('c'));
    expect(sumValues([1, 2, 0])).to.equal(3);
    expect(ratio(symbol('x'), 10)).to.equal(symbol('x'));
    expect(ratio(5, symbol('c'))).to.equal(symbol('c'));
    expect(ratio(5, 0)).to.equal(symbol('z'));
    expect(ratio(0, 5)).to.equal(0);
  });
});

describe('periods', () => {
  it('reads reporting years and quarters', () => {
    expect(parsePeriod('2021-22')).to.deep.equal({ startYear: 2021, key: '2021-22' });
    expect(parsePeriod('2021/22 Q3')).to.deep.equal({ startYear: 2021, quarter: 3, key: '2021-22 Q3' });
    expect(parsePeriod('2021-2022')).to.deep.equal({ startYear: 2021, key: '2021-22' });
    expect(parsePeriod('1999-00')).to.deep.equal({ startYear: 1999, key: '1999-00' });
  });
  it('says why a period is wrong', () => {
    expect(parsePeriod('2021-22 Q5')).to.deep.equal({ kind: 'not-a-quarter', text: '2021-22 Q5' });
    expect(parsePeriod('2021-23')).to.deep.equal({ kind: 'years-not-consecutive', text: '2021-23' });
    expect(parsePeriod('last year')).to.deep.equal({ kind: 'not-a-period', text: 'last year' });
  });
  it('labels quarters with their months for an April or a July year start', () => {
    const q1 = parsePeriod('2021-22 Q1');
    const q4 = parsePeriod('2021-22 Q4');
    if (!isPeriod(q1) || !isPeriod(q4)) throw new Error('parse');
    expect(quarterMonths(q1, 4)).to.include({ first: 4, last: 6, firstYear: 2021 });
    expect(quarterMonths(q4, 4)).to.include({ first: 1, last: 3, firstYear: 2022 });
    expect(quarterMonths(q1, 7)).to.include({ first: 7, last: 9, firstYear: 2021 });
    expect(quarterMonths(q4, 7)).to.include({ first: 4, last: 6, firstYear: 2022 });
  });
});

describe('formats', () => {
  it('uses en-GB separators and one-decimal percentages', () => {
    expect(formatCount(16424)).to.equal('16,424');
    expect(formatPercent(3095 / 16424)).to.equal('18.8%');
    expect(formatValue(symbol('c'), 'count')).to.equal('[c]');
    expect(formatValue(0, 'count')).to.equal('0');
    // Half up at the precision shown, as published tables do (21.95 is stored as 21.9499…).
    expect(formatPercent(0.2195)).to.equal('22.0%');
    expect(formatPercent(23 / 122)).to.equal('18.9%');
    expect(formatPercent(-0.0125)).to.equal('-1.3%');
  });
  it('writes dates in English and Welsh, the same in every time zone', () => {
    expect(formatDate('2022-06-30', en)).to.equal('30 June 2022');
    expect(formatDate('2022-06-30', messages('cy'))).to.equal('30 Mehefin 2022');
    expect(formatDate('2022-06', en)).to.equal('June 2022');
  });
  it('follows lang codes to a catalogue', () => {
    expect(normaliseLang('cy-GB')).to.equal('cy');
    expect(normaliseLang('en')).to.equal('en');
    expect(normaliseLang('fr')).to.equal('en');
    expect(normaliseLang(undefined)).to.equal('en');
  });
});

describe('the data contract', () => {
  it('accepts a valid envelope and normalises it', () => {
    const ds = validateEnvelope({
      measures,
      data: [
        { measure: 'a', period: '2021-22 Q1', value: 5 },
        { measure: 'b', period: '2021-22 Q1', value: '[c]' },
      ],
    });
    expect(ds.yearStartMonth).to.equal(4);
    expect(ds.rows[1]!.value).to.equal(symbol('c'));
    expect(ds.measures[2]!.unit).to.equal('percent');
  });
  it('names the row, the field and what was expected', () => {
    const problems = problemsOf(() =>
      validateEnvelope({
        measures,
        data: [
          { measure: 'a', period: '2021-22', value: 1 },
          { measure: 'a', period: '2022-23', value: 'lots' },
        ],
      }),
    );
    expect(problems[0]).to.equal('Row 2: "value" should be a number or a GSS symbol (c, x, z, u, low), but is "lots".');
  });
  it('reports a missing field, an unknown measure, a bad quarter, duplicates and a dangling numerator', () => {
    expect(problemsOf(() => validateEnvelope({ measures, data: [{ measure: 'a', value: 1 }] }))[0]).to.equal(
      'Row 1: "period" is missing.',
    );
    expect(
      problemsOf(() => validateEnvelope({ measures, data: [{ measure: 'zz', period: '2021-22', value: 1 }] }))[0],
    ).to.equal('Row 1: measure "zz" is not one of the measures listed (a, b, r).');
    expect(
      problemsOf(() => validateEnvelope({ measures, data: [{ measure: 'a', period: '2021-22 Q5', value: 1 }] }))[0],
    ).to.equal('Row 1: period "2021-22 Q5" is not a quarter (Q1 to Q4).');
    expect(
      problemsOf(() =>
        validateEnvelope({
          measures,
          data: [
            { measure: 'a', period: '2021-22', value: 1 },
            { measure: 'a', period: '2021/22', value: 2 },
          ],
        }),
      )[0],
    ).to.equal('Rows 1 and 2 both give "a" for 2021-22.');
    expect(
      problemsOf(() => validateEnvelope({ measures: [{ id: 'r', numerator: 'n', denominator: 'd' }], data: [] })),
    ).to.deep.equal([
      'Measure "r": its numerator "n" is not a measure in this file.',
      'Measure "r": its denominator "d" is not a measure in this file.',
    ]);
  });
  it('gives the same problems in Welsh', () => {
    const problems = problemsOf(
      () => validateEnvelope({ measures, data: [{ measure: 'a', period: '2021-22 Q5', value: 1 }] }),
      'cy',
    );
    expect(problems[0]).to.equal('Rhes 1: nid yw’r cyfnod "2021-22 Q5" yn chwarter (Ch1 i Ch4).');
  });
  it('rejects JSON that is not an envelope', () => {
    expect(problemsOf(() => validateEnvelope([1, 2]))[0]).to.equal(en.errors.notEnvelope);
  });
});

describe('readers', () => {
  it('tells empty, HTML, truncated and invalid JSON apart', () => {
    expect(problemsOf(() => parseJsonText(''))).to.deep.equal([en.errors.emptyBody]);
    expect(problemsOf(() => parseJsonText('<!doctype html><p>404'))).to.deep.equal([en.errors.html]);
    expect(problemsOf(() => parseJsonText('{"measures": [{"id": "a"'))).to.deep.equal([en.errors.truncated]);
    expect(problemsOf(() => parseJsonText('{measures: 1}'))).to.deep.equal([en.errors.notJson]);
  });
  it('detects the format from the type, the address and the text', () => {
    expect(detectFormat('{}', 'application/json')).to.equal('json');
    expect(detectFormat('measure,period,value', 'text/csv')).to.equal('csv');
    expect(detectFormat('measure,period,value', '', '/x.csv?v=1')).to.equal('csv');
    expect(detectFormat('<html>', 'text/html')).to.equal('html');
  });
  it('reads tidy CSV with quoted cells, a byte order mark, symbols and extra dimensions', () => {
    const ds = readCsv(
      '\uFEFFmeasure,period,value,area\r\ncontacts,2021-22 Q1,"4,369","Herefordshire, County of"\r\n\r\ncontacts,2021-22 Q2,c,Leicester\r\n',
    );
    expect(ds.rows.map((r) => r.value)).to.deep.equal([4369, symbol('c')]);
    expect(ds.rows[0]!.dims).to.deep.equal({ area: 'Herefordshire, County of' });
    expect(ds.rows[1]!.row).to.equal(4);
  });
  it('names the CSV row (as a spreadsheet counts it) and the missing column', () => {
    expect(problemsOf(() => readCsv('measure,period,value\na,2021-22,1\na,2021-22 Q5,2\n'))[0]).to.equal(
      'Row 3: period "2021-22 Q5" is not a quarter (Q1 to Q4).',
    );
    expect(problemsOf(() => readCsv('measure,value\na,1\n'))[0]).to.equal(en.errors.csvMissingColumn('period'));
  });
});

describe('loader backoff', () => {
  it('honours Retry-After in seconds and as a date, capped', () => {
    expect(retryDelay('2', 0)).to.equal(2000);
    expect(retryDelay('600', 0)).to.equal(10_000);
    expect(retryDelay(null, 0)).to.equal(400);
    expect(retryDelay(null, 2)).to.equal(1600);
    const inOneSecond = new Date(Date.now() + 1500).toUTCString();
    expect(retryDelay(inOneSecond, 0)).to.be.within(0, 1500);
  });
});

describe('loader keys and encodings', () => {
  it('shares requests by URL without its fragment', () => {
    const base = new URL('/data/att.json', document.baseURI).href;
    expect(requestKey('/data/att.json#a')).to.equal(base);
    expect(requestKey('/data/att.json#b')).to.equal(base);
    expect(requestKey('/data/att.json?v=2#a')).to.equal(`${base}?v=2`);
  });

  const bytes = (...b: number[]) => new Uint8Array(b);
  // "Café £" in Windows-1252, UTF-8, UTF-16 LE and BE (with byte order marks).
  const cp1252 = bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3);
  const utf8 = new TextEncoder().encode('Café £');
  const utf16le = bytes(0xff, 0xfe, ...[...'Café £'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
  const utf16be = bytes(0xfe, 0xff, ...[...'Café £'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));

  it('decodes by the declared charset, Latin-1 labels as Windows-1252', () => {
    expect(decodeBody(cp1252, 'text/csv; charset=iso-8859-1')).to.equal('Café £');
    expect(decodeBody(cp1252, 'text/csv;charset="ISO-8859-1"')).to.equal('Café £');
    expect(decodeBody(bytes(0x92), 'text/csv; charset=latin1')).to.equal('\u2019');
    expect(decodeBody(utf8, 'application/json; charset=utf-8')).to.equal('Café £');
  });

  it('without a charset: UTF-8, or Windows-1252 when the bytes are not UTF-8; UTF-16 by its byte order mark', () => {
    expect(decodeBody(utf8)).to.equal('Café £');
    expect(decodeBody(cp1252)).to.equal('Café £');
    expect(decodeBody(cp1252, 'text/csv; charset=utf-8'), 'mislabelled').to.equal('Café £');
    expect(decodeBody(cp1252, 'text/csv; charset=no-such-charset')).to.equal('Café £');
    expect(decodeBody(utf16le)).to.equal('Café £');
    expect(decodeBody(utf16be)).to.equal('Café £');
    expect(decodeBody(bytes(0xef, 0xbb, 0xbf, ...utf8))).to.equal('Café £');
  });
});

describe('inline text', () => {
  it('drops blank lines before the header, indentation and blanks around fields, never inside quotes', () => {
    expect(tidyCsvText('\n    a,b\n    "x,  y",  z  \n  ')).to.equal('a,b\n"x,  y",z\n');
    expect(tidyCsvText('\uFEFFa,b\r\n\t1, "2 ""q"" ,\n   3"  ,4\r\n')).to.equal('a,b\r\n1,"2 ""q"" ,\n   3",4\r\n');
    expect(tidyCsvText('a,b\nSchools and education, Early help\n')).to.equal('a,b\nSchools and education,Early help\n');
  });

  it('reads JSON with whitespace, CRLF and a byte order mark around it', () => {
    expect(parseJsonText('\r\n   \uFEFF{"a": [1,\r\n 2]}\r\n   ')).to.deep.equal({ a: [1, 2] });
  });
});

describe('number and boolean properties', () => {
  it('reads numbers given as numbers or strings', () => {
    expect(coerceNumber('3', yearsSpec(5))).to.deep.equal({ value: 3 });
    expect(coerceNumber(3, yearsSpec(5))).to.deep.equal({ value: 3 });
    expect(coerceNumber(' 20 ', NUMBER_SPECS.timeout)).to.deep.equal({ value: 20 });
    expect(coerceNumber('2.5', NUMBER_SPECS.timeout)).to.deep.equal({ value: 2.5 });
    expect(coerceNumber(null, NUMBER_SPECS.timeout)).to.deep.equal({ value: 15 });
  });

  it('falls back to the default, or clamps, and says why', () => {
    const value = (given: unknown, spec: NumberSpec = NUMBER_SPECS.timeout) => coerceNumber(given, spec).value;
    for (const junk of ['', 'abc', '0', '-5', '15s', 'NaN', 'Infinity', '0x10', NaN, {}]) {
      expect(value(junk), String(junk)).to.equal(15);
      expect(coerceNumber(junk, NUMBER_SPECS.timeout).problem, String(junk)).to.be.a('string');
    }
    expect(value('1e9')).to.equal(300);
    expect(value('0.2')).to.equal(1);
    expect(value('1', NUMBER_SPECS.refresh)).to.equal(5);
    expect(value('0', NUMBER_SPECS.refresh)).to.equal(0);
    expect(coerceNumber('0', NUMBER_SPECS.refresh).problem).to.equal(undefined);
    expect(value('-1', NUMBER_SPECS.refresh)).to.equal(0);
    expect(value('1', NUMBER_SPECS.headingLevel)).to.equal(2);
    expect(value('7', NUMBER_SPECS.headingLevel)).to.equal(6);
    expect(value('13', NUMBER_SPECS.yearStartMonth)).to.equal(undefined);
    expect(value('7', NUMBER_SPECS.yearStartMonth)).to.equal(7);
    expect(value('2.7', yearsSpec(5))).to.equal(2);
    expect(value('0', yearsSpec(5))).to.equal(5);
    expect(value('1000', yearsSpec(12))).to.equal(100);
  });

  it('reads years="all" (any case) as every year, and no other word', () => {
    expect(coerceNumber('all', yearsSpec(5))).to.deep.equal({ value: Infinity });
    expect(coerceNumber(' ALL ', yearsSpec(5))).to.deep.equal({ value: Infinity });
    expect(coerceNumber(Infinity, yearsSpec(5))).to.deep.equal({ value: Infinity });
    for (const junk of ['every', 'constructor', 'Infinity']) {
      expect(coerceNumber(junk, yearsSpec(5)).value, junk).to.equal(5);
      expect(coerceNumber(junk, yearsSpec(5)).problem, junk).to.contain('(or "all")');
    }
    expect(coerceNumber('all', NUMBER_SPECS.timeout).value).to.equal(15);
  });

  it('reads booleans as the HTML attribute does', () => {
    expect(['', 'false', 'presenting', true, 1].map(coerceBoolean)).to.deep.equal([true, true, true, true, true]);
    expect([null, undefined, false, 0].map(coerceBoolean)).to.deep.equal([false, false, false, false]);
  });
});
