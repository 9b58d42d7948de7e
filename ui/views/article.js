// From article: paste a news report or a regulator's release, with its address
// and publication date, and get a pre-filled incident to confirm in the editor.

import { call } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { showError } from '../errors.js';
import { t } from '../i18n.js';

// The last article stays while the analyst goes to the editor and back.
const last = { text: '', url: '', published: '' };

/** The From-article view; its listeners all sit on its own elements, so it has no teardown. */
export function showArticle(main, app, navigate) {
  const text = h('textarea', { id: 'article-input', rows: '16', placeholder: t('article.text_placeholder'), 'aria-label': t('article.text_label') }, last.text);
  const url = h('input', { id: 'article-url', placeholder: 'https://…', value: last.url, size: '60', 'aria-label': t('article.url_label') });
  const published = h('input', { id: 'article-published', placeholder: t('article.published_placeholder'), value: last.published, size: '12',
    'aria-label': t('article.published_label') });
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
      h('label', { class: 'filter' }, h('span', { text: t('article.url') }), url),
      h('label', { class: 'filter' }, h('span', { text: t('article.published') }), published)),
    text,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'article-extract', text: t('article.propose'), title: 'Ctrl+Enter' }),
      h('span', { class: 'muted', text: t('article.local') })));
  text.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && ev.ctrlKey) { ev.preventDefault(); run(); } });
  replaceChildren(main, h('section', { class: 'view article-view' },
    h('div', { class: 'view-head' }, h('h2', { text: t('article.heading') })),
    error, form));
  text.focus();
}

/** The From-article view's keys, for the help (?). */
export const shortcuts = [
  { keys: 'Ctrl+Enter', text: () => t('help.article.propose') },
];
