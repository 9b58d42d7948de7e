// From article: paste a news report or a regulator's release, with its address
// and publication date, and get a pre-filled incident to confirm in the editor.

import { call } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { showError } from '../errors.js';

// The last article stays while the analyst goes to the editor and back.
const last = { text: '', url: '', published: '' };

/** The From-article view; its listeners all sit on its own elements, so it has no teardown. */
export function showArticle(main, app, navigate) {
  const text = h('textarea', { id: 'article-input', rows: '16', placeholder: 'Paste the article text here (English, 中文, 한국어)…', 'aria-label': 'Article text' }, last.text);
  const url = h('input', { id: 'article-url', placeholder: 'https://…', value: last.url, size: '60', 'aria-label': 'Article address' });
  const published = h('input', { id: 'article-published', placeholder: 'YYYY-MM-DD', value: last.published, size: '12', 'aria-label': 'Publication date' });
  const error = h('p', { class: 'error', id: 'article-error', role: 'alert', hidden: true });

  const run = async () => {
    Object.assign(last, { text: text.value, url: url.value, published: published.value });
    error.hidden = true;
    try {
      const result = await call('extract_article', { text: text.value, url: url.value || null, published: published.value || null });
      navigate.editor(null, { input: result.input, article: { text: text.value, draft: result.draft } });
    } catch (e) {
      showError(error, e);
    }
  };
  const form = h('form', { class: 'article-form', on: { submit: (ev) => { ev.preventDefault(); run(); } } },
    h('div', { class: 'filters' },
      h('label', { class: 'filter' }, h('span', { text: 'Address (URL)' }), url),
      h('label', { class: 'filter' }, h('span', { text: 'Published' }), published)),
    text,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'article-extract', text: 'Propose incident', title: 'Ctrl+Enter' }),
      h('span', { class: 'muted', text: 'Runs on this computer; nothing is sent anywhere.' })));
  text.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && ev.ctrlKey) { ev.preventDefault(); run(); } });
  replaceChildren(main, h('section', { class: 'view article-view' },
    h('div', { class: 'view-head' }, h('h2', { text: 'New incident from an article' })),
    error, form));
  text.focus();
}
