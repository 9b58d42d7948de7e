// The interface's sources name their translation keys literally, so that the
// completeness test (src-tauri/tests/translations.rs) can find every key they
// use. Run with `node --test tests/ui/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'ui');
function sources(dir = ui) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(js|html)$/.test(e.name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

// Only statuses and event kinds (labels.js), the Rust side's own error keys
// (errors.js) and the markup's data-i18n* attributes (i18n.js) reach t()
// unwritten.
test('keys are only built for statuses and event kinds (labels.js) and errors (errors.js)', () => {
  for (const { path, text } of sources()) {
    for (const m of text.matchAll(/(?<!function )\bt\(\s*([^'"\s)])/g)) {
      const rest = text.slice(m.index + 2).trimStart();
      const allowed = (path.endsWith('labels.js') && /^`(status|kind)\.\$\{/.test(rest))
        || (path.endsWith('errors.js') && rest.startsWith('err.key'))
        || (path.endsWith('i18n.js') && rest.startsWith('el.getAttribute'));
      assert.ok(allowed, `${path}: t() with a key that is not literal near ${text.slice(m.index, m.index + 40)}`);
    }
  }
});
