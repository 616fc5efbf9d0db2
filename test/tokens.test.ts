/**
 * Theme tokens (after Material Web's token tests): public `--pw-*` custom
 * properties only set private `--_*` tokens, every private token is both
 * defined and used, every public token is documented, and the default colours
 * meet WCAG 2.2 contrast (1.4.3 text 4.5:1, 1.4.11 graphics 3:1).
 */
import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup } from 'lit';
import { AttendanceBySector } from '../src/attendance-by-sector/attendance-by-sector.js';
import { CHART_MAX_HEIGHT } from '../src/core/chart-size.js';
import { tokens } from '../src/core/styles.js';
import { KpiQuarterTable } from '../src/kpi-quarter-table/kpi-quarter-table.js';
import { TrainingTrend } from '../src/training-trend/training-trend.js';
import { contrast, hexColour } from './colour.js';

/** Every element, with the source whose JSDoc documents its public tokens (`@cssproperty`). */
const ELEMENTS: { source: string; styles: CSSResultGroup | undefined }[] = [
  { source: 'src/kpi-quarter-table/kpi-quarter-table.ts', styles: KpiQuarterTable.styles },
  { source: 'src/attendance-by-sector/attendance-by-sector.ts', styles: AttendanceBySector.styles },
  { source: 'src/training-trend/training-trend.ts', styles: TrainingTrend.styles },
];

/** An element's style sheets, flattened. */
function sheetsOf(styles: CSSResultGroup | undefined): CSSResult[] {
  if (styles === undefined) return [];
  return Array.isArray(styles) ? styles.flatMap((s) => sheetsOf(s as CSSResultGroup)) : [styles as CSSResult];
}

const cssOf = (sheets: readonly CSSResult[]) => sheets.map((sheet) => sheet.cssText).join('\n');

/** Every sheet of every element, each once. */
const CSS = cssOf([...new Set(ELEMENTS.flatMap((e) => sheetsOf(e.styles)))]);

/**
 * The dev server serves the element's source through esbuild, which strips
 * its JSDoc, so the `@cssproperty` tags are read from the manifest the
 * analyzer writes from that JSDoc (`npm run manifest`, part of `npm run build`).
 */
const MANIFEST = '/custom-elements.json';

interface Manifest {
  modules: { path: string; declarations?: { name: string; cssProperties?: { name: string }[] }[] }[];
}

/** The `@cssproperty` names of the declarations in an element's source. */
async function documentedCssProperties(source: string): Promise<string[]> {
  const response = await fetch(MANIFEST, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${MANIFEST}: ${response.status} (run npm run manifest)`);
  const manifest = (await response.json()) as Manifest;
  // The manifest names the shipped module: src/kpi-quarter-table/kpi-quarter-table.ts → dist/lib/kpi-quarter-table.js.
  const shipped = source.replace(/^src\/[^/]+\//, 'dist/lib/').replace(/\.ts$/, '.js');
  const module = manifest.modules.find((m) => m.path === shipped);
  if (!module) throw new Error(`${MANIFEST} has no module ${shipped} (run npm run manifest)`);
  return (module.declarations ?? []).flatMap((d) => (d.cssProperties ?? []).map((p) => p.name));
}

const unique = (names: Iterable<string>) => [...new Set(names)].sort();
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/** Every place a public token is written, with the rule text around it for the failure message. */
function publicUses(css: string): { name: string; index: number; context: string }[] {
  return [...css.matchAll(/--pw-[\w-]+/g)].map((m) => ({
    name: m[0],
    index: m.index,
    context: css.slice(css.lastIndexOf('\n', m.index) + 1, css.indexOf('\n', m.index)).trim(),
  }));
}

/** `--_private: var(--pw-public, fallback)`: the only place a public token may appear. */
const MAPPING = /(--_[\w-]+)\s*:\s*var\(\s*(--pw-[\w-]+)\s*[,)]/g;

/** Private tokens defined but never used, and used but never defined. */
function privateTokenProblems(css: string): { definedNotUsed: string[]; usedNotDefined: string[] } {
  const defined = unique(matches(css, /(--_[\w-]+)\s*:/g));
  const used = unique(matches(css, /var\(\s*(--_[\w-]+)/g));
  return {
    definedNotUsed: defined.filter((name) => !used.includes(name)),
    usedNotDefined: used.filter((name) => !defined.includes(name)),
  };
}

/** Public tokens written anywhere but as the first argument of a var() setting a private token, and public tokens setting more than one private token. */
function publicTokenProblems(css: string): { stray: string[]; split: string[] } {
  const mapped = new Map<number, string>();
  const targets = new Map<string, Set<string>>();
  for (const m of css.matchAll(MAPPING)) {
    const [whole, privateName, publicName] = m as unknown as [string, string, string];
    mapped.set(m.index + whole.lastIndexOf(publicName), publicName);
    targets.set(publicName, (targets.get(publicName) ?? new Set()).add(privateName));
  }
  return {
    stray: publicUses(css)
      .filter((use) => mapped.get(use.index) !== use.name)
      .map((use) => `${use.name} in "${use.context}"`),
    split: [...targets]
      .filter(([, privates]) => privates.size > 1)
      .map(([name, privates]) => `${name} → ${[...privates].join(', ')}`),
  };
}

describe('theme tokens', () => {
  it('defines every private token it uses, and uses every private token it defines', () => {
    const { definedNotUsed, usedNotDefined } = privateTokenProblems(CSS);
    expect(definedNotUsed, `private tokens defined but never used: ${definedNotUsed.join(', ')}`).to.deep.equal([]);
    expect(usedNotDefined, `private tokens used but never defined: ${usedNotDefined.join(', ')}`).to.deep.equal([]);
  });

  it('uses public tokens only to set private ones, one private token each', () => {
    const { stray, split } = publicTokenProblems(CSS);
    expect(stray, `public tokens outside a private token's var(): ${stray.join('; ')}`).to.deep.equal([]);
    expect(split, `public tokens setting more than one private token: ${split.join('; ')}`).to.deep.equal([]);
  });

  it('the token checks catch a broken sheet', () => {
    const broken = `
      :host { --_a: var(--pw-a, red); --_b: var(--pw-b); --_c: var(--_a); --_d: var(--pw-a, blue); }
      p { color: var(--_c); background: var(--pw-b); border-color: var(--_missing, var(--pw-e)); }
    `;
    expect(privateTokenProblems(broken)).to.deep.equal({
      definedNotUsed: ['--_b', '--_d'],
      usedNotDefined: ['--_missing'],
    });
    expect(publicTokenProblems(broken)).to.deep.equal({
      stray: [
        '--pw-b in "p { color: var(--_c); background: var(--pw-b); border-color: var(--_missing, var(--pw-e)); }"',
        '--pw-e in "p { color: var(--_c); background: var(--pw-b); border-color: var(--_missing, var(--pw-e)); }"',
      ],
      split: ['--pw-a → --_a, --_d'],
    });
  });

  for (const { source, styles } of ELEMENTS) {
    it(`documents every public token its styles use as a @cssproperty of ${source}`, async () => {
      const documented = unique(await documentedCssProperties(source));
      const used = unique(publicUses(cssOf(sheetsOf(styles))).map((use) => use.name));
      const undocumented = used.filter((name) => !documented.includes(name));
      // The chart's height is read by the element's script (ChartSize), not by a style rule.
      const unused = documented.filter((name) => !used.includes(name) && name !== CHART_MAX_HEIGHT);
      const hint = ` (documentation read from ${MANIFEST}: run npm run manifest after editing the JSDoc)`;
      expect(
        undocumented,
        `public tokens not documented as @cssproperty: ${undocumented.join(', ')}${hint}`,
      ).to.deep.equal([]);
      expect(unused, `@cssproperty entries no style uses: ${unused.join(', ')}${hint}`).to.deep.equal([]);
    });
  }

  describe('default colours meet WCAG contrast', () => {
    const light = themeDefaults(ruleBody(tokens.cssText, ':host'));
    const dark = { ...light, ...themeDefaults(ruleBody(tokens.cssText, ":host([theme='dark'])")) };
    const TEXT = ['--_text', '--_muted', '--_accent', '--_good', '--_bad', '--_error'];
    const SERIES = [1, 2, 3, 4, 5, 6].map((n) => `--_series-${n}`);

    for (const [theme, colours] of [
      ['light', light],
      ['dark', dark],
    ] as const) {
      it(`${theme}: text ≥ 4.5:1 on the background and the surface`, () => {
        const failures = TEXT.flatMap((fg) =>
          ['--_background', '--_surface'].map((bg) => pair(colours, fg, bg, 4.5)).filter((f) => f !== undefined),
        );
        expect(failures, failures.join('; ')).to.deep.equal([]);
      });

      it(`${theme}: series colours ≥ 3:1 on the background`, () => {
        const failures = SERIES.map((fg) => pair(colours, fg, '--_background', 3)).filter((f) => f !== undefined);
        expect(failures, failures.join('; ')).to.deep.equal([]);
      });

      it(`${theme}: focused text ≥ 4.5:1 on the focus highlight`, () => {
        const failure = pair(colours, '--_focus-text', '--_focus', 4.5);
        expect(failure, failure).to.equal(undefined);
      });
    }

    it('reads the default colours out of the token fallbacks', () => {
      expect(Object.keys(light)).to.include.members([...TEXT, ...SERIES, '--_background', '--_surface']);
      expect(light['--_text']).to.equal('#0b0c0c');
      expect(dark['--_background']).to.equal('#0b0c0c');
      expect(dark['--_focus']).to.equal(light['--_focus']);
    });
  });
});

/** The declarations of the first rule with exactly this selector. */
function ruleBody(css: string, selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[}\\s])${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match) throw new Error(`no "${selector} {" rule in tokens.cssText`);
  return match[1]!;
}

/** `--_text: var(--pw-text-color, #0b0c0c)` → `{'--_text': '#0b0c0c'}`. */
function themeDefaults(body: string): Record<string, string> {
  const colours: Record<string, string> = {};
  for (const m of body.matchAll(/(--_[\w-]+)\s*:\s*var\(\s*--pw-[\w-]+\s*,\s*(#[0-9a-f]{3}(?:[0-9a-f]{3})?)\s*\)/gi)) {
    colours[m[1]!] = m[2]!.toLowerCase();
  }
  return colours;
}

/** A failure message when the contrast of `fg` on `bg` is below `min`. */
function pair(colours: Record<string, string>, fg: string, bg: string, min: number): string | undefined {
  const a = colours[fg];
  const b = colours[bg];
  if (!a || !b) return `${fg} on ${bg}: no default colour`;
  const ratio = contrast(hexColour(a), hexColour(b));
  return ratio >= min ? undefined : `${fg} ${a} on ${bg} ${b} is ${ratio.toFixed(2)}:1, below ${min}:1`;
}
