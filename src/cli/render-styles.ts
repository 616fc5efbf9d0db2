/**
 * The element's static styles applied to a chart drawn in Node, as
 * presentation attributes: CSS custom properties do not exist outside the
 * page, so each `var(--_x)` in the element's rules is replaced by the value
 * the theme object gives (core/theme.ts, `resolveTheme`), and each rule that
 * sets a paint or type property is applied to the elements its selector
 * matches (matched by the server-side DOM), in cascade order. Rules inside
 * `@media` (print, forced colours) are for other media and are left out.
 */
import type { CSSResult, CSSResultGroup } from 'lit';
import type { ResolvedTheme } from 'partnership-widgets/core.js';

interface Rule {
  readonly selector: string;
  readonly specificity: number;
  readonly order: number;
  readonly declarations: readonly [string, string][];
}

/** The properties that matter to a static drawing. */
const SVG_PROPERTIES = new Set([
  'color',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-style',
  'font-weight',
  'visibility',
]);

/** Splits at `sep` outside parentheses and quotes. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(text.slice(last));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function declarations(body: string): [string, string][] {
  return splitTop(body, ';').flatMap((d) => {
    const colon = d.indexOf(':');
    if (colon < 1) return [];
    return [[d.slice(0, colon).trim().toLowerCase(), d.slice(colon + 1).trim()] as [string, string]];
  });
}

/** A value with each `var(--_x)` replaced by the theme's; undefined when it depends on the page (`calc()`, `inherit`). */
function themed(value: string, theme: ResolvedTheme): string | undefined {
  let missing = false;
  const text = value
    .replace(/\s*!important\s*$/, '')
    .replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_all, name: string, fallback?: string) => {
      const found = theme.get(name as never) ?? fallback?.trim();
      if (found === undefined) missing = true;
      return found ?? '';
    });
  return missing || /var\(|calc\(|\binherit\b/.test(text) ? undefined : text;
}

function specificity(selector: string): number {
  const ids = (selector.match(/#[\w-]+/g) ?? []).length;
  const classes = (selector.match(/\.[\w-]+|\[[^\]]*\]|:(?!:)[\w-]+/g) ?? []).length;
  const types = (selector.replace(/\[[^\]]*\]|\([^)]*\)/g, '').match(/(^|[\s>+~(])[a-z][\w-]*/gi) ?? []).length;
  return ids * 10000 + classes * 100 + types;
}

/** The top-level blocks of a style sheet: `[prelude, body]`, comments removed. */
function blocks(cssText: string): [string, string][] {
  const text = cssText.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: [string, string][] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    for (; j < text.length && depth > 0; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
    found.push([text.slice(i, open).trim(), text.slice(open + 1, j - 1)]);
    i = j;
  }
  return found;
}

/** The plain style rules of a style sheet that paint a chart, in order; `@media` and other at-rules are skipped. */
function styleRules(cssText: string, theme: ResolvedTheme, first: number): Rule[] {
  const rules: Rule[] = [];
  let order = first;
  for (const [prelude, body] of blocks(cssText)) {
    if (prelude.startsWith('@')) continue;
    const decls = declarations(body).flatMap(([name, value]) => {
      const resolved = SVG_PROPERTIES.has(name) ? themed(value, theme) : undefined;
      return resolved === undefined ? [] : [[name, resolved] as [string, string]];
    });
    if (!decls.length) continue;
    for (const selector of splitTop(prelude, ',')) {
      if (/:host|::|:focus|:hover|:active/.test(selector)) continue;
      rules.push({ selector, specificity: specificity(selector), order: order++, declarations: decls });
    }
  }
  return rules;
}

function flatten(styles: CSSResultGroup): CSSResult[] {
  if (Array.isArray(styles)) return styles.flatMap((s: CSSResultGroup) => flatten(s));
  return 'cssText' in (styles as object) ? [styles as CSSResult] : [];
}

export type ChartRules = readonly Rule[];

/** The element's style rules that can apply to a chart, in cascade order (specificity, then source order). */
export function chartRules(styles: CSSResultGroup, theme: ResolvedTheme): ChartRules {
  let order = 0;
  const rules = flatten(styles).flatMap((sheet) => {
    const found = styleRules(sheet.cssText, theme, order);
    order += found.length;
    return found;
  });
  return rules.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
}

/**
 * Applies the rules to a drawn chart as presentation attributes (author CSS
 * overrides presentation attributes, so overwriting them is the same
 * cascade), then replaces `currentColor` with the colour in force.
 */
export function applyRules(doc: Document, node: Element, rules: ChartRules, theme: ResolvedTheme): void {
  doc.body.append(node);
  for (const rule of rules) {
    let matched: Element[];
    try {
      matched = [...doc.querySelectorAll(rule.selector)].filter((el) => node === el || node.contains(el));
    } catch {
      continue; // a selector the server-side DOM does not know (it cannot match a static drawing)
    }
    for (const el of matched) for (const [name, value] of rule.declarations) el.setAttribute(name, value);
  }
  node.remove();
  resolveCurrentColor(node, { color: theme.get('--_text')! });
}

/**
 * Replaces `currentColor` in `fill` and `stroke` with the colour in force. An
 * inherited `fill: currentColor` follows each element's own `color` (a bar
 * group coloured by its class inherits `fill` from the chart), so where an
 * element sets `color` under an inherited `currentColor`, it gets the
 * resolved paint too.
 */
function resolveCurrentColor(el: Element, inherited: { color: string; fill?: boolean; stroke?: boolean }): void {
  const own = el.getAttribute('color');
  const color = own && own.toLowerCase() !== 'currentcolor' ? own : inherited.color;
  const next = { color, fill: inherited.fill, stroke: inherited.stroke };
  for (const attr of ['fill', 'stroke'] as const) {
    const value = el.getAttribute(attr);
    if (value?.toLowerCase() === 'currentcolor') {
      el.setAttribute(attr, color);
      next[attr] = true;
    } else if (value !== null) {
      next[attr] = false;
    } else if (inherited[attr] && own) {
      el.setAttribute(attr, color);
    }
  }
  for (const child of el.children) resolveCurrentColor(child, next);
}
