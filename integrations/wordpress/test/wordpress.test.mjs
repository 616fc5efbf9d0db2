// The WordPress plugin on a real WordPress: Debian's wordpress package (6.1) with Apache,
// PHP and MariaDB, installed by this test with apt-get (so it runs as root on Debian only,
// and is skipped elsewhere with a message). The built zip (`npm run build:wordpress`) is
// installed as an administrator installs it: in Chromium, Plugins › Add New › Upload Plugin,
// Install Now, Activate Plugin (any previous copy is removed first, so WordPress itself
// unpacks the zip). Authors, a Contributor and an Editor under DISALLOW_UNFILTERED_HTML (set
// for the whole test site, so even the administrator's posts are filtered) post the three
// widgets through the REST API with application passwords, as the block editor does: as
// blocks, as shortcodes and as the README's raw HTML snippet. Each public page is opened in
// headless Chromium with Apache sending the strict CSP, and every widget must show its
// figures with no error, no CSP violation and no raw JSON on the page.
//
// The site uses a minimal classic theme of the test's own (Debian's wordpress package comes
// without a theme), which removes WordPress core's inline emoji script and style and its
// inline global styles: these are core's, not the plugin's, and a council wanting this CSP
// must remove them whatever widgets it uses (docs/wordpress.md says how). Nothing else is
// changed. Run with `npm run test:wordpress` (builds the zip first).
/* global document, window -- inside page.evaluate(), which runs in the browser */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync } from 'fflate';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findBrowser } from '../../../scripts/browser.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const zipFile = join(root, 'release', `partnership-widgets-wordpress-${version}.zip`);
const CSP = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const PORT = Number(process.env.PW_WORDPRESS_PORT || 8089);
const BASE = `http://localhost:${PORT}`;
const CONFIG = 'pwtest'; // /etc/wordpress/config-pwtest.php, chosen by Apache's SetEnv WORDPRESS_CONFIG
const CONTENT = '/var/lib/wordpress/wp-content';
const PLUGIN = join(CONTENT, 'plugins/partnership-widgets');
const PACKAGES = ['wordpress', 'apache2', 'libapache2-mod-php', 'mariadb-server', 'php-mysql', 'php-cli'];
const TAGS = 'kpi-quarter-table, attendance-by-sector, training-trend';

const skip =
  process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')
    ? 'needs Debian and root: it installs WordPress, Apache and MariaDB with apt-get'
    : !findBrowser()
      ? 'no Chromium found (see scripts/browser.mjs)'
      : false;
if (skip) console.log(`# WordPress test skipped: ${skip}`);

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...options });
const sample = (name) => readFileSync(join(root, 'data', name), 'utf8');

let users; // { admin, author, author2, contributor, editor: { id, auth } }
let browser;
let startedApache = false;

/** Runs PHP with WordPress loaded, as the test site; returns what the code echoes. */
function wpPhp(code) {
  const file = join(tmpdir(), `pw-wp-${process.pid}.php`);
  writeFileSync(
    file,
    `<?php
$_SERVER['HTTP_HOST'] = 'localhost:${PORT}';
$_SERVER['WORDPRESS_CONFIG'] = '${CONFIG}';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
${code}`,
  );
  try {
    return run('php', [file]);
  } finally {
    rmSync(file, { force: true });
  }
}

/** A REST API call as one of the test users. */
async function rest(user, route, { method = 'GET', body, headers = {} } = {}) {
  const [path, query] = route.split('?');
  const url = `${BASE}/?rest_route=${encodeURIComponent(path).replaceAll('%2F', '/')}${query ? `&${query}` : ''}`;
  const response = await fetch(url, {
    method,
    headers: {
      ...(user ? { Authorization: `Basic ${user.auth}` } : {}),
      ...(body !== undefined && !(body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined || body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { text };
  }
  return { status: response.status, json };
}

/** Uploads a sample file to the media library, as the block editor does (multipart form). */
async function upload(user, name, type) {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(join(root, 'data', name))], { type }), name);
  const { status, json } = await rest(user, '/wp/v2/media', { method: 'POST', body: form });
  assert.equal(status, 201, `upload of ${name}: ${JSON.stringify(json)}`);
  return json;
}

async function post(user, title, content, status = 'publish') {
  const result = await rest(user, '/wp/v2/posts', { method: 'POST', body: { title, content, status } });
  assert.equal(result.status, 201, `${title}: ${JSON.stringify(result.json)}`);
  return result.json;
}

/** Pasted data as the block's editor stores it: %, <, > and & escaped (see the plugin). */
const encodeData = (text) => text.replace(/[%<>&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A block as the block editor serialises it (its serializeAttributes escapes these characters). */
const block = (attrs) =>
  `<!-- wp:partnership-widgets/widget ${JSON.stringify(attrs)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022')} /-->`;

/** Opens a public page under the strict CSP and reports what a reader gets. */
async function visit(url, count) {
  const page = await browser.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    failures.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      failures.push(`${response.status()} ${response.url()}`);
  });
  await page.evaluateOnNewDocument(() => {
    const seen = { ready: [], errors: [], csp: [] };
    window.__widgets = seen;
    document.addEventListener('widget-ready', (e) => seen.ready.push(e.target.localName));
    document.addEventListener('widget-error', (e) => seen.errors.push(`${e.target.localName}: ${e.detail.message}`));
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  await page.setViewport({ width: 1024, height: 900 });
  const response = await page.goto(url, { waitUntil: 'load' });
  const policy = response.headers()['content-security-policy'];
  if (count > 0) {
    await page.waitForFunction(
      (n) => window.__widgets.ready.length + window.__widgets.errors.length >= n,
      { timeout: 60_000 },
      count,
    );
  }
  const result = await page.evaluate((tags) => {
    const scripts = [...document.querySelectorAll('script[src]')].map((s) => ({ src: s.src, type: s.type }));
    return {
      ...window.__widgets,
      scripts,
      inlineScripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.type || 'classic'),
      text: document.body.innerText,
      widgets: [...document.querySelectorAll(tags)].map((el) => {
        const view = el.shadowRoot.querySelector('.view:not([hidden])');
        return {
          tag: el.localName,
          state: el.state,
          lang: el.getAttribute('lang'),
          headingLevel: el.getAttribute('heading-level'),
          heading: el.shadowRoot.querySelector('h2, h3, h4, h5, h6')?.textContent.trim() ?? '',
          cells: [...(view?.querySelectorAll('td, th') ?? [])].map((c) => c.textContent.trim()),
          marks: view?.querySelectorAll('svg rect, svg path, svg circle').length ?? 0,
          text: el.shadowRoot.textContent,
        };
      }),
    };
  }, TAGS);
  await page.close();
  return { ...result, failures, policy };
}

/** The figures of a sample file as the widgets print them (en-GB), to find on the page. */
function figures(name) {
  const env = JSON.parse(sample(name));
  return env.data.filter((r) => typeof r.value === 'number').map((r) => r.value.toLocaleString('en-GB'));
}

/** Asserts a page shows its widgets with figures and nothing else went wrong. */
function assertShown(shown, expected) {
  assert.equal(shown.policy, CSP, 'Apache sends the strict CSP');
  assert.deepEqual(shown.csp, [], 'no CSP violation');
  assert.deepEqual(shown.failures, []);
  assert.deepEqual(shown.errors, []);
  assert.deepEqual(
    shown.widgets.map((w) => [w.tag, w.state]),
    expected.map(([tag]) => [tag, 'loaded']),
  );
  shown.widgets.forEach((w, i) => {
    const data = expected[i][1];
    const found = figures(data).filter((f) => w.cells.includes(f));
    assert.ok(found.length >= 3, `${w.tag} (${data}) shows too few of its figures: ${w.cells.join(' | ')}`);
    assert.ok(w.heading.length > 0, `${w.tag} has a heading`);
  });
  // The bundle from the plugin's own folder, once, as a module; no inline script but data.
  const bundles = shown.scripts.filter((s) => s.src.includes('partnership-widgets.js'));
  assert.equal(bundles.length, 1, JSON.stringify(shown.scripts));
  assert.match(
    bundles[0].src,
    new RegExp(`^${BASE}/wp-content/plugins/partnership-widgets/dist/partnership-widgets\\.js`),
  );
  assert.equal(bundles[0].type, 'module');
  for (const type of shown.inlineScripts) assert.match(type, /^(application\/json|text\/csv)$/);
  assert.doesNotMatch(shown.text, /"measures"|“measures”|"data"\s*:|”data”|measure,period,value/);
}

before(async () => {
  if (skip) return;
  assert.ok(existsSync(zipFile), 'run `npm run build:wordpress` first (npm run test:wordpress does)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', ...PACKAGES], {
      env,
      stdio: 'ignore',
    }).status;
  if (install() !== 0) {
    run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update'], { env, stdio: 'ignore' });
    assert.equal(install(), 0, `apt-get install ${PACKAGES.join(' ')} failed`);
  }

  // MariaDB: a fresh database for the test site.
  if (spawnSync('mysqladmin', ['status'], { stdio: 'ignore' }).status !== 0) {
    run('service', ['mariadb', 'start'], { stdio: 'ignore' });
  }
  run('mysql', [
    '-e',
    `DROP DATABASE IF EXISTS pwtest; CREATE DATABASE pwtest;
     CREATE USER IF NOT EXISTS 'pwtest'@'localhost' IDENTIFIED BY 'pwtest';
     GRANT ALL ON pwtest.* TO 'pwtest'@'localhost'; FLUSH PRIVILEGES;`,
  ]);
  const salt = () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  writeFileSync(
    `/etc/wordpress/config-${CONFIG}.php`,
    `<?php
define('DB_NAME', 'pwtest');
define('DB_USER', 'pwtest');
define('DB_PASSWORD', 'pwtest');
define('DB_HOST', 'localhost');
define('WP_HOME', '${BASE}');
define('WP_SITEURL', '${BASE}');
define('WP_CONTENT_URL', '${BASE}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords over plain HTTP
define('DISALLOW_UNFILTERED_HTML', true);
define('FS_METHOD', 'direct'); // WordPress writes the uploaded plugin itself (Debian's README.Debian)
define('WP_HTTP_BLOCK_EXTERNAL', true); // the test site calls no one (no update checks)
${[
  'AUTH_KEY',
  'SECURE_AUTH_KEY',
  'LOGGED_IN_KEY',
  'NONCE_KEY',
  'AUTH_SALT',
  'SECURE_AUTH_SALT',
  'LOGGED_IN_SALT',
  'NONCE_SALT',
]
  .map((k) => `define('${k}', '${salt()}');`)
  .join('\n')}
`,
  );

  // Apache: a site on its own port, sending the strict CSP on every response.
  writeFileSync(
    '/etc/apache2/sites-available/partnership-widgets-test.conf',
    `Listen 127.0.0.1:${PORT}
<VirtualHost 127.0.0.1:${PORT}>
  ServerName localhost
  DocumentRoot /usr/share/wordpress
  DirectoryIndex index.php
  SetEnv WORDPRESS_CONFIG ${CONFIG}
  Alias /wp-content ${CONTENT}
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    Require all granted
  </Directory>
  <Directory ${CONTENT}>
    Options FollowSymLinks
    Require all granted
  </Directory>
  # Every public page; not the dashboard and the login form, which need WordPress's inline scripts.
  Header always set Content-Security-Policy "${CSP}" "expr=%{REQUEST_URI} !~ m#^/wp-(admin|login)#"
</VirtualHost>
`,
  );
  run('a2enmod', ['-q', 'headers', 'php8.2'], { stdio: 'ignore' });
  run('a2ensite', ['-q', 'partnership-widgets-test'], { stdio: 'ignore' });
  if (existsSync('/var/run/apache2/apache2.pid')) {
    run('apache2ctl', ['-k', 'graceful'], { stdio: 'ignore' });
  } else {
    run('apache2ctl', ['-k', 'start'], { stdio: 'ignore' });
    startedApache = true;
  }
  for (let i = 0; i < 50 && !(await up()); i++) await new Promise((r) => setTimeout(r, 200));

  // The test's theme, and the plugin unzipped from the built zip as "Upload Plugin" would.
  const theme = join(CONTENT, 'themes/pw-csp-test');
  rmSync(theme, { recursive: true, force: true });
  mkdirSync(theme, { recursive: true });
  writeFileSync(
    join(theme, 'style.css'),
    '/*\nTheme Name: Partnership widgets CSP test\n*/\nbody { font-family: sans-serif; }\n',
  );
  writeFileSync(
    join(theme, 'functions.php'),
    `<?php
// WordPress core's inline script and styles, which a strict CSP (no 'unsafe-inline') blocks.
remove_action('wp_head', 'print_emoji_detection_script', 7);
remove_action('wp_print_styles', 'print_emoji_styles');
remove_action('wp_enqueue_scripts', 'wp_enqueue_global_styles');
remove_action('wp_footer', 'wp_enqueue_global_styles', 1);
`,
  );
  writeFileSync(
    join(theme, 'index.php'),
    `<!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head><meta charset="<?php bloginfo('charset'); ?>"><title><?php wp_title(); ?></title><?php wp_head(); ?></head>
<body>
<main>
<?php while (have_posts()) { the_post(); ?>
<article><h1><?php the_title(); ?></h1><?php the_content(); ?></article>
<?php } ?>
</main>
<?php wp_footer(); ?>
</body>
</html>
`,
  );
  // No copy of the plugin left from an earlier run: WordPress must unpack the uploaded zip.
  rmSync(PLUGIN, { recursive: true, force: true });
  run('chown', ['www-data:www-data', CONTENT, join(CONTENT, 'plugins')]);
  rmSync(join(CONTENT, 'uploads'), { recursive: true, force: true });
  mkdirSync(join(CONTENT, 'uploads'));
  run('chown', ['www-data:www-data', join(CONTENT, 'uploads')]);

  // Install the site and make the users, with an application password each.
  const made = wpPhp(`
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Partnership widgets test', 'admin', 'admin@example.org', false, '', wp_generate_password(24));
switch_theme('pw-csp-test');
$out = array();
foreach (array('admin' => 'administrator', 'author' => 'author', 'author2' => 'author', 'contributor' => 'contributor', 'editor' => 'editor') as $login => $role) {
  $pass = wp_generate_password(24, false);
  $id = username_exists($login);
  if ($id) wp_set_password($pass, $id); // the administrator made by wp_install
  else $id = wp_insert_user(array('user_login' => $login, 'user_pass' => $pass, 'user_email' => $login . '@example.org', 'role' => $role));
  list($password) = WP_Application_Passwords::create_new_application_password($id, array('name' => 'test'));
  $out[$login] = array('id' => $id, 'auth' => base64_encode($login . ':' . $password), 'login' => $login, 'pass' => $pass);
}
echo wp_json_encode($out);
`);
  users = JSON.parse(made.slice(made.indexOf('{')));

  await installThroughAdmin();
});

async function up() {
  try {
    return (await fetch(`${BASE}/wp-includes/css/dashicons.min.css`)).ok;
  } catch {
    return false;
  }
}

after(async () => {
  await browser?.close();
  if (startedApache) spawnSync('apache2ctl', ['-k', 'stop'], { stdio: 'ignore' });
});

const chromium = async () => {
  browser ??= await puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: chromeArgs,
    userDataDir: await mkdtemp(join(tmpdir(), 'pw-wordpress-chromium-')),
  });
};

/** Logs a user in through wp-login.php, as a person does. */
async function logIn(page, user) {
  // The fields are filled, not typed: wp-login.php focuses and selects the user name field 200 ms after
  // it loads, so typing could send the rest of the password into the user name, and the login failed now
  // and then. A failed login is tried once more, then reported with the page's words.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${BASE}/wp-login.php`, { waitUntil: 'load' });
    await page.$eval('#user_login', (el, value) => (el.value = value), user.login);
    await page.$eval('#user_pass', (el, value) => (el.value = value), user.pass);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#wp-submit')]);
    if (!new URL(page.url()).pathname.endsWith('/wp-login.php')) return;
    const said = await page.evaluate(() => document.querySelector('#login_error')?.innerText ?? '');
    if (attempt === 2) throw new Error(`${user.login} could not log in: ${said || page.url()}`);
  }
}

/** The text of the admin screen's content area (notices and messages included). */
const adminText = (page) => page.evaluate(() => document.querySelector('#wpbody-content')?.innerText ?? '');

/**
 * Installs the built zip as an administrator does: in wp-admin, Plugins › Add New ›
 * Upload Plugin, choose the zip, Install Now, then Activate Plugin. In a browser context of
 * its own, so the administrator's session (and admin bar) never reaches the readers' pages.
 */
async function installThroughAdmin() {
  // Debian's PHP takes uploads of up to 2 MB (upload_max_filesize), as many hosts do.
  const size = statSync(zipFile).size;
  assert.ok(size < 2 * 1024 * 1024, `the plugin zip is ${size} bytes: over the 2 MB upload limit`);
  await chromium();
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 1280, height: 900 });
    await logIn(page, users.admin);
    await page.goto(`${BASE}/wp-admin/plugin-install.php?tab=upload`, { waitUntil: 'load' });
    const input = await page.waitForSelector('form.wp-upload-form input[type="file"][name="pluginzip"]', {
      visible: true,
    });
    await input.uploadFile(zipFile);
    // WordPress enables "Install Now" once a file is chosen.
    await page.waitForSelector('#install-plugin-submit:not([disabled])');
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load', timeout: 120_000 }),
      page.click('#install-plugin-submit'),
    ]);
    const installed = await adminText(page);
    assert.match(installed, /Installing plugin from uploaded file: partnership-widgets-wordpress-/, installed);
    assert.match(installed, /Plugin installed successfully\./, installed);
    const activate = await page.waitForSelector('xpath///a[normalize-space()="Activate Plugin"]');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), activate.click()]);
    assert.match(await adminText(page), /Plugin activated\./);
    const row = await page.$eval('tr[data-plugin="partnership-widgets/partnership-widgets.php"]', (tr) => ({
      active: tr.classList.contains('active'),
      text: tr.innerText,
    }));
    assert.ok(row.active, row.text);
    assert.match(row.text, new RegExp(`Version ${version.replaceAll('.', '\\.')}`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  // WordPress unpacked every file of the zip into the plugins folder, and nothing else.
  const inZip = Object.keys(unzipSync(new Uint8Array(readFileSync(zipFile))))
    .filter((name) => !name.endsWith('/'))
    .sort();
  const onDisk = readdirSync(PLUGIN, { recursive: true })
    .filter((name) => statSync(join(PLUGIN, name)).isFile())
    .map((name) => `partnership-widgets/${name}`)
    .sort();
  assert.deepEqual(onDisk, inZip);
  const wwwData = Number(run('id', ['-u', 'www-data']).trim());
  assert.equal(statSync(join(PLUGIN, 'partnership-widgets.php')).uid, wwwData, 'written by WordPress, not the test');
  const plugin = await rest(users.admin, '/wp/v2/plugins/partnership-widgets/partnership-widgets');
  assert.equal(plugin.status, 200, JSON.stringify(plugin.json));
  assert.equal(plugin.json.status, 'active');
  assert.equal(plugin.json.version, version);
}

test('filtered roles cannot post scripts: the site is as the plugin must cope with', { skip }, async () => {
  // Without the plugin's help an Author's snippet is stripped: check the filter really is on.
  const check = await rest(users.author, '/wp/v2/posts', {
    method: 'POST',
    body: { title: 'Raw', content: '<p>a</p><script>alert(1)</script><span onclick="x()">b</span>', status: 'draft' },
  });
  assert.equal(check.status, 201);
  assert.doesNotMatch(check.json.content.raw, /<script|onclick/);
  // A page without a widget does not load the widgets' script.
  const hello = await (await fetch(`${BASE}/?p=1`)).text();
  assert.match(hello, /Hello world/);
  assert.doesNotMatch(hello, /partnership-widgets/);
});

test(
  'an Author publishes the three widgets as blocks: inline JSON and media library files',
  { skip, timeout: 180_000 },
  async () => {
    await chromium();
    const csv = await upload(users.author, 'norfolk-lscg-attendance-2024-25.csv', 'text/csv');
    const json = await upload(users.author, 'llr-training.json', 'application/json');
    const content = [
      '<!-- wp:paragraph --><p>Our figures for the year.</p><!-- /wp:paragraph -->',
      block({
        widget: 'kpi-quarter-table',
        dataSource: 'inline',
        data: encodeData(sample('leicester-kpis-2021-22.json')),
        heading: 'Activity in Leicester',
        headingLevel: 3,
        view: 'table',
      }),
      block({ widget: 'attendance-by-sector', dataSource: 'media', mediaId: csv.id, view: 'table', lang: 'cy' }),
      block({ widget: 'training-trend', dataSource: 'media', mediaId: json.id, view: 'table', asAt: '2025-09-24' }),
    ].join('\n\n');
    const created = await post(users.author, 'Blocks by an Author', content);
    assert.match(created.content.raw, /wp:partnership-widgets\/widget/);
    const shown = await visit(created.link, 3);
    assertShown(shown, [
      ['kpi-quarter-table', 'leicester-kpis-2021-22.json'],
      ['attendance-by-sector', 'norfolk-lscg-attendance-2024-25.json'],
      ['training-trend', 'llr-training.json'],
    ]);
    assert.equal(shown.widgets[0].heading, 'Activity in Leicester');
    assert.equal(shown.widgets[0].headingLevel, '3');
    assert.equal(shown.widgets[1].lang, 'cy');
    assert.match(shown.widgets[2].text, /24 September 2025/);
    assert.match(shown.text, /Our figures for the year\./);
  },
);

test('an Author publishes the three widgets as shortcodes in a classic post', { skip, timeout: 180_000 }, async () => {
  await chromium();
  const kpi = await upload(users.author2, 'leicester-kpis-2021-22.json', 'application/json');
  const attendance = await upload(users.author2, 'norfolk-lscg-attendance-2024-25.json', 'application/json');
  const training = await upload(users.author2, 'llr-training.json', 'application/json');
  const content = [
    'Figures for the partnership board.',
    `[partnership_widget type="kpi-quarter-table" src="${kpi.source_url}" heading_level="3" view="table"]`,
    `[partnership_widget type="attendance-by-sector" id="${attendance.id}" view="table"]`,
    `[partnership_widget type="training-trend" src="${new URL(training.source_url).pathname}" view="table"]`,
    'End of the figures.',
  ].join('\n\n');
  const created = await post(users.author2, 'Shortcodes by an Author', content);
  const shown = await visit(created.link, 3);
  assertShown(shown, [
    ['kpi-quarter-table', 'leicester-kpis-2021-22.json'],
    ['attendance-by-sector', 'norfolk-lscg-attendance-2024-25.json'],
    ['training-trend', 'llr-training.json'],
  ]);
});

test(
  "the README's raw snippet pasted by an Author becomes blocks, not a wall of JSON",
  { skip, timeout: 180_000 },
  async () => {
    await chromium();
    const content = [
      '<!-- wp:html -->',
      '<script type="module" src="https://your-site.example/js/partnership-widgets.js"></script>',
      '<kpi-quarter-table heading-level="3" view="table">',
      `  <script type="application/json">\n${sample('leicester-kpis-2021-22.json')}\n  </script>`,
      '</kpi-quarter-table>',
      '<!-- /wp:html -->',
      '',
      '<!-- wp:paragraph --><p>Attendance, pasted as CSV:</p><!-- /wp:paragraph -->',
      '',
      '<attendance-by-sector view="table">',
      `  <script type="text/csv">\n${sample('norfolk-lscg-attendance-2024-25.csv')}  </script>`,
      '</attendance-by-sector>',
    ].join('\n');
    const created = await post(users.author, 'Snippet pasted by an Author', content);
    assert.doesNotMatch(created.content.raw, /<script|<kpi-quarter-table|<attendance-by-sector/);
    assert.equal((created.content.raw.match(/<!-- wp:partnership-widgets\/widget /g) ?? []).length, 2);
    const shown = await visit(created.link, 2);
    assertShown(shown, [
      ['kpi-quarter-table', 'leicester-kpis-2021-22.json'],
      ['attendance-by-sector', 'norfolk-lscg-attendance-2024-25.json'],
    ]);
  },
);

test(
  'a Contributor’s post, and an Editor’s under DISALLOW_UNFILTERED_HTML, keep their widgets',
  { skip, timeout: 180_000 },
  async () => {
    await chromium();
    const pending = await post(
      users.contributor,
      'Training by a Contributor',
      block({
        widget: 'training-trend',
        dataSource: 'inline',
        data: encodeData(sample('llr-training.json')),
        view: 'table',
      }),
      'pending',
    );
    assert.equal(pending.status, 'pending');
    // The administrator publishes it, as an editor reviewing the post would.
    const published = await rest(users.admin, `/wp/v2/posts/${pending.id}`, {
      method: 'POST',
      body: { status: 'publish' },
    });
    assert.equal(published.status, 200, JSON.stringify(published.json));
    assertShown(await visit(published.json.link, 1), [['training-trend', 'llr-training.json']]);

    const csv = await upload(users.editor, 'norfolk-lscg-attendance-2024-25.csv', 'text/csv');
    const src = new URL(csv.source_url).pathname;
    const editor = await post(
      users.editor,
      'Snippet pasted by an Editor under DISALLOW_UNFILTERED_HTML',
      `Our figures.\n\nFrom the library:\n<attendance-by-sector src="${src}" view="table"></attendance-by-sector>\n<training-trend view="table">\n<script type="application/json">${sample('llr-training.json')}</script>\n</training-trend>`,
    );
    assert.equal((editor.content.raw.match(/<!-- wp:partnership-widgets\/widget /g) ?? []).length, 2);
    assert.ok(editor.content.raw.includes(`"src":"${src}"`), editor.content.raw.slice(0, 300));
    // Classic content keeps its paragraphs once it holds blocks.
    assert.match(editor.content.rendered, /<p>Our figures\.<\/p>/);
    assertShown(await visit(editor.link, 2), [
      ['attendance-by-sector', 'norfolk-lscg-attendance-2024-25.json'],
      ['training-trend', 'llr-training.json'],
    ]);
  },
);

test(
  'bad data is refused on save with the row and the problem; hostile text stays text',
  { skip, timeout: 180_000 },
  async () => {
    await chromium();
    const bad = JSON.parse(sample('leicester-kpis-2021-22.json'));
    bad.data[1].period = '2021-22 Q5';
    bad.data[2].value = 'lots';
    const refused = await rest(users.author, '/wp/v2/posts', {
      method: 'POST',
      body: {
        title: 'Bad',
        status: 'publish',
        content: block({ widget: 'kpi-quarter-table', dataSource: 'inline', data: encodeData(JSON.stringify(bad)) }),
      },
    });
    assert.equal(refused.status, 400);
    assert.match(refused.json.message, /Partnership widget 1: Row 2: period "2021-22 Q5" is not a quarter/);
    assert.match(refused.json.message, /Row 3: "value" should be a number or a GSS symbol/);
    const checked = await rest(users.contributor, '/partnership-widgets/v1/check', {
      method: 'POST',
      body: { data: 'measure,period,value\ncontacts,2021-22 Q1,4369\ncontacts,2021-22 Q2,many\n', format: 'csv' },
    });
    assert.equal(checked.status, 200);
    // The check is for people who write posts: not for visitors (nor for a browser session without the REST nonce).
    const anonymous = await rest(undefined, '/partnership-widgets/v1/check', {
      method: 'POST',
      body: { data: 'measure,period,value\n', format: 'csv' },
    });
    assert.equal(anonymous.status, 401, JSON.stringify(anonymous.json));
    assert.deepEqual(checked.json.problems, [
      'Row 3: "value" should be a number or a GSS symbol (c, x, z, u, low), but is "many".',
    ]);

    // A title that tries to close the data script: it must reach the reader as text.
    const hostile = JSON.parse(sample('leicester-kpis-2021-22.json'));
    hostile.title = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)>';
    // Labels with "&" and "<" reach the reader unchanged (WordPress filters authors' block attributes as HTML).
    hostile.measures[0].label = 'Contacts & referrals <all>';
    const created = await post(
      users.author,
      'Hostile title',
      block({
        widget: 'kpi-quarter-table',
        dataSource: 'inline',
        data: encodeData(JSON.stringify(hostile)),
        view: 'table',
      }),
    );
    const shown = await visit(created.link, 1);
    assertShown(shown, [['kpi-quarter-table', 'leicester-kpis-2021-22.json']]);
    assert.equal(shown.widgets[0].heading, hostile.title);
    assert.ok(
      shown.widgets[0].cells.some((c) => c.startsWith('Contacts & referrals <all>')),
      shown.widgets[0].cells.slice(0, 12).join(' | '),
    );
  },
);

test(
  'in the block editor an Author sees the live widget, the settings, and problems that lock saving',
  { skip, timeout: 240_000 },
  async () => {
    await chromium();
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 1400, height: 1000 });
    await logIn(page, users.author);
    await page.goto(`${BASE}/wp-admin/post-new.php`, { waitUntil: 'load', timeout: 120_000 });
    await page
      .waitForFunction(
        () =>
          window.wp?.blocks?.getBlockType('partnership-widgets/widget')?.edit &&
          window.wp.data.select('core/editor').getCurrentPostId(),
        { timeout: 120_000 },
      )
      .catch(async (error) => {
        // Say where the browser is (the login form? an error screen?) rather than only "timeout".
        const seen = await page.evaluate(() => document.body.innerText.slice(0, 500));
        throw new Error(`the block editor did not load the block (${error.message}) at ${page.url()}: ${seen}`);
      });
    const data = encodeData(sample('leicester-kpis-2021-22.json'));
    const clientId = await page.evaluate((data) => {
      const block = window.wp.blocks.createBlock('partnership-widgets/widget', {
        dataSource: 'inline',
        data,
        view: 'table',
      });
      window.wp.data.dispatch('core/block-editor').insertBlocks(block);
      window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
      window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
      return block.clientId;
    }, data);
    // The preview is the server's rendering, and the widget runs in it.
    await page.waitForFunction(
      () => document.querySelector('.wp-block-partnership-widgets-widget kpi-quarter-table')?.state === 'loaded',
      {
        timeout: 60_000,
      },
    );
    const cells = await page.evaluate(() =>
      [
        ...document
          .querySelector('.wp-block-partnership-widgets-widget kpi-quarter-table')
          .shadowRoot.querySelectorAll('td'),
      ].map((c) => c.textContent.trim()),
    );
    assert.ok(figures('leicester-kpis-2021-22.json').filter((f) => cells.includes(f)).length >= 3, cells.join(' | '));
    const sidebar = await page.evaluate(() => document.querySelector('.interface-complementary-area')?.innerText ?? '');
    assert.match(sidebar, /Widget and data/);
    assert.match(sidebar, /Pasted JSON or CSV, kept in the page/);

    // Bad data: the problems are listed in the block and saving is locked until they are fixed.
    const bad = JSON.parse(sample('leicester-kpis-2021-22.json'));
    bad.data[1].period = '2021-22 Q5';
    await page.evaluate(
      (clientId, data) => window.wp.data.dispatch('core/block-editor').updateBlockAttributes(clientId, { data }),
      clientId,
      encodeData(JSON.stringify(bad)),
    );
    await page.waitForFunction(
      () => document.querySelector('.wp-block-partnership-widgets-widget .components-notice.is-error'),
      { timeout: 30_000 },
    );
    const notice = await page.evaluate(
      () => document.querySelector('.wp-block-partnership-widgets-widget .components-notice.is-error').innerText,
    );
    assert.match(notice, /Row 2: period "2021-22 Q5" is not a quarter/);
    assert.equal(await page.evaluate(() => window.wp.data.select('core/editor').isPostSavingLocked()), true);
    await page.evaluate(
      (clientId, data) => window.wp.data.dispatch('core/block-editor').updateBlockAttributes(clientId, { data }),
      clientId,
      data,
    );
    await page.waitForFunction(() => !window.wp.data.select('core/editor').isPostSavingLocked(), { timeout: 30_000 });
    assert.equal(
      await page.evaluate(() =>
        document.querySelector('.wp-block-partnership-widgets-widget .components-notice.is-error'),
      ),
      null,
    );

    // Saved as the editor saves: the block and its data, intact.
    await page.evaluate(() => {
      window.wp.data.dispatch('core/editor').editPost({ title: 'Saved from the editor' });
      return window.wp.data.dispatch('core/editor').savePost();
    });
    const id = await page.evaluate(() => window.wp.data.select('core/editor').getCurrentPostId());
    const saved = await rest(users.author, `/wp/v2/posts/${id}?context=edit`);
    assert.equal(saved.status, 200);
    const attrs = /<!-- wp:partnership-widgets\/widget (\{.*?\}) \/-->/s.exec(saved.json.content.raw)?.[1];
    assert.ok(attrs, saved.json.content.raw.slice(0, 200));
    assert.equal(JSON.parse(attrs).data, data, 'the pasted data is saved unchanged');
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test(
  'the plugin keeps nothing of its own in the database, and deleting it in WordPress removes it',
  { skip, timeout: 120_000 },
  async () => {
    // Nothing stored (no options, transients or meta), so there is nothing for an uninstall.php to remove.
    const out = wpPhp(`
require '/usr/share/wordpress/wp-load.php';
global $wpdb;
$like = '%' . $wpdb->esc_like('partnership') . '%';
echo wp_json_encode(array(
  'options' => $wpdb->get_col($wpdb->prepare("SELECT option_name FROM $wpdb->options WHERE option_name LIKE %s", $like)),
  'postmeta' => $wpdb->get_col($wpdb->prepare("SELECT DISTINCT meta_key FROM $wpdb->postmeta WHERE meta_key LIKE %s", $like)),
  'usermeta' => $wpdb->get_col($wpdb->prepare("SELECT DISTINCT meta_key FROM $wpdb->usermeta WHERE meta_key LIKE %s", $like)),
));
`);
    assert.deepEqual(JSON.parse(out.slice(out.indexOf('{'))), { options: [], postmeta: [], usermeta: [] });
    const route = '/wp/v2/plugins/partnership-widgets/partnership-widgets';
    const deactivated = await rest(users.admin, route, { method: 'POST', body: { status: 'inactive' } });
    assert.equal(deactivated.json.status, 'inactive', JSON.stringify(deactivated.json));
    const deleted = await rest(users.admin, route, { method: 'DELETE' });
    assert.equal(deleted.status, 200, JSON.stringify(deleted.json));
    assert.equal(deleted.json.deleted, true);
    assert.equal(existsSync(PLUGIN), false, 'the plugin folder is gone');
  },
);
