/**
 * PNG at twice the SVG's size, for Word documents: the SVG rasterised by
 * resvg (@resvg/resvg-js: a prebuilt native binary in a platform package, no
 * browser). Text needs a font file: a metric-compatible Arial (Liberation
 * Sans, Arimo) is looked for in the usual font folders, then DejaVu Sans or
 * Noto Sans; without one, resvg is left to the system's fonts (Arial on
 * Windows and macOS). The PNG says 192 pixels per inch (pHYs), so Word
 * inserts it at the SVG's size in points, sharp on a high-density screen.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Families tried in order, with the file names of their regular, bold and italic faces. */
const FAMILIES: readonly { family: string; files: readonly string[] }[] = [
  {
    family: 'Liberation Sans',
    files: [
      'LiberationSans-Regular.ttf',
      'LiberationSans-Bold.ttf',
      'LiberationSans-Italic.ttf',
      'LiberationSans-BoldItalic.ttf',
    ],
  },
  { family: 'Arimo', files: ['Arimo-Regular.ttf', 'Arimo-Bold.ttf', 'Arimo-Italic.ttf', 'Arimo-BoldItalic.ttf'] },
  {
    family: 'DejaVu Sans',
    files: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'],
  },
  {
    family: 'Noto Sans',
    files: ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf', 'NotoSans-BoldItalic.ttf'],
  },
];

function fontDirs(): string[] {
  const home = homedir();
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.local/share/fonts'),
    join(home, '.fonts'),
    '/Library/Fonts',
    join(home, 'Library/Fonts'),
  ].filter((d) => existsSync(d));
}

/** Every font file under the folders (a few levels deep), by file name. */
function fontFiles(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 4) walk(path, depth + 1);
      else if (/\.(ttf|otf)$/i.test(entry.name) && !found.has(entry.name)) found.set(entry.name, path);
    }
  };
  for (const dir of fontDirs()) walk(dir, 0);
  return found;
}

export interface FontChoice {
  /** The family text is drawn in, or `system fonts` when resvg searched for itself. */
  family: string;
  files: string[];
}

/** The font for the PNG's text: the first family of FAMILIES found, with its faces. */
export function chooseFont(): FontChoice {
  const files = fontFiles();
  for (const { family, files: names } of FAMILIES) {
    const paths = names.flatMap((n) => (files.has(n) ? [files.get(n)!] : []));
    if (paths.length && files.has(names[0]!)) return { family, files: paths };
  }
  return { family: 'system fonts', files: [] };
}

/** CRC-32 (ISO 3309), for the PNG chunk added. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** Adds a pHYs chunk (pixels per metre) after IHDR. */
export function withDensity(png: Buffer, dpi: number): Buffer {
  const ppm = Math.round(dpi / 0.0254);
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(ppm, 8);
  chunk.writeUInt32BE(ppm, 12);
  chunk.writeUInt8(1, 16);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

export interface PngResult {
  png: Buffer;
  width: number;
  height: number;
  font: FontChoice;
}

/** The SVG at `scale` times its size, on the background colour. */
export async function renderPng(svg: string, background: string, scale = 2): Promise<PngResult> {
  const { Resvg } = await import('@resvg/resvg-js');
  const font = chooseFont();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background,
    font: font.files.length
      ? {
          loadSystemFonts: false,
          fontFiles: font.files,
          defaultFontFamily: font.family,
          sansSerifFamily: font.family,
        }
      : { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' },
  });
  const image = resvg.render();
  return { png: withDensity(image.asPng(), 96 * scale), width: image.width, height: image.height, font };
}
