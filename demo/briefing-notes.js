// The presenter's notes in a second window: follows the briefing's screens
// over a BroadcastChannel, and steps them from here too.
const channel = new BroadcastChannel('pw-briefing');
const body = document.getElementById('notes-body');
let shown;

function block(tag, text) {
  if (!text) return;
  const node = document.createElement(tag);
  node.textContent = text;
  body.append(node);
}

channel.addEventListener('message', (event) => {
  const n = event.data;
  if (!n || typeof n !== 'object' || n.index === undefined) return;
  shown = n;
  document.getElementById('waiting').hidden = true;
  body.replaceChildren();
  block('h2', `Screen ${n.index + 1} of ${n.count}: ${n.question}`);
  block('p', n.answer && `On screen: ${n.answer}`);
  block('p', n.heading);
  block('p', [n.subtitle, n.asAt].filter(Boolean).join(' · '));
  block('p', n.summary);
  for (const note of n.chartNotes ?? []) block('p', note);
  for (const note of n.annotations ?? []) block('p', note);
  block('p', n.footer);
});
document.getElementById('prev').addEventListener('click', () => shown && channel.postMessage({ go: shown.index - 1 }));
document.getElementById('next').addEventListener('click', () => shown && channel.postMessage({ go: shown.index + 1 }));
channel.postMessage('hello');
