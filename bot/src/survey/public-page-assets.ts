import { createHash } from 'node:crypto';

/**
 * The answer page's stylesheet and script, served from our own server (the page loads nothing
 * from anywhere else, so its Content-Security-Policy can be `'self'` only). Names carry a hash of
 * the content, so they can be cached for a year and a deployment still takes effect at once.
 *
 * Colours meet WCAG 2.1 AA: body text #1b1b1b and #3d3d3d on white (16:1, 11:1), the brand blue
 * #0a4a7d on white (9:1) and white on it, the error red #a4001d (8:1); focus rings are 3 px.
 */
const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:#1b1b1b;background:#f4f6f8}
a{color:#0a4a7d;text-underline-offset:.15em}
a:hover{color:#06304f}
:focus-visible{outline:3px solid #0a4a7d;outline-offset:2px}
.skip{position:absolute;left:-10000px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem;top:.5rem}
.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
.top{background:#0a4a7d;color:#fff}
.top .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;padding-top:.6rem;padding-bottom:.6rem}
.brand{margin:0;font-weight:700;letter-spacing:.02em}
.langs{display:flex;gap:.25rem;list-style:none;margin:0;padding:0}
.langs a{display:inline-block;color:#fff;padding:.35rem .6rem;border-radius:.3rem;text-decoration:none;min-height:44px;line-height:calc(44px - .7rem)}
.langs a[aria-current="true"]{background:#fff;color:#0a4a7d;font-weight:700}
.langs a:focus-visible{outline-color:#fff}
main{padding-top:2rem;padding-bottom:2rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .75rem}
h1 .muni{display:block;font-size:1.15rem;font-weight:600;color:#3d3d3d;margin-top:.25rem}
h2{font-size:1.25rem;margin:0 0 .25rem}
.lead{font-size:1.1rem;margin:0 0 .75rem}
.facts{margin:0 0 .75rem;padding-left:1.2rem;color:#3d3d3d}
.card{background:#fff;border:1px solid #d5dbe1;border-radius:.6rem;padding:1rem;margin:0 0 1.25rem}
.note{color:#3d3d3d;font-size:.95rem;margin:.25rem 0 1rem}
.anon{border-left:4px solid #0a4a7d;background:#fff;padding:.75rem 1rem;margin:0 0 1.25rem}
.progress{position:sticky;top:0;z-index:5;background:#f4f6f8;padding:.5rem 0;margin:0 0 .5rem}
.progress p{margin:0 0 .25rem;font-weight:600}
.progress progress{width:100%;height:.75rem;accent-color:#0a4a7d}
.step{display:inline-block;font-size:.9rem;font-weight:600;color:#3d3d3d;margin-right:.4rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
.q{background:#fff;border:1px solid #d5dbe1;border-radius:.6rem;padding:.9rem 1rem 1rem;margin:0 0 1rem}
.q.invalid{border:2px solid #a4001d}
legend{padding:0;margin:0 0 .6rem;float:left;width:100%}
legend+*{clear:both}
.q-label{display:block;font-weight:700;font-size:1.08rem}
.q-text{display:block;color:#3d3d3d}
.field-error{color:#a4001d;font-weight:600;margin:0 0 .5rem}
.field-error::before{content:"! ";font-weight:700}
.scale{display:grid;grid-template-columns:1fr;gap:.45rem}
.opt{display:flex;align-items:center;gap:.6rem;border:1px solid #8a949e;border-radius:.45rem;padding:.55rem .75rem;min-height:44px;cursor:pointer;background:#fff}
.opt input{width:1.25rem;height:1.25rem;margin:0;accent-color:#0a4a7d;flex:none}
.opt .n{font-weight:700;min-width:1ch}
.opt:has(input:checked){background:#e3eef8;border-color:#0a4a7d;box-shadow:inset 0 0 0 1px #0a4a7d}
.opt:has(input:focus-visible){outline:3px solid #0a4a7d;outline-offset:2px}
.opt input:focus-visible{outline:none}
.choices{display:grid;grid-template-columns:1fr;gap:.45rem}
label.field{display:block;font-weight:700;margin:0 0 .25rem}
textarea,input[type="text"]{width:100%;font:inherit;color:inherit;border:1px solid #5f6b76;border-radius:.45rem;padding:.6rem .7rem;background:#fff}
textarea{min-height:8rem;resize:vertical}
.count{color:#3d3d3d;font-size:.9rem;margin:.25rem 0 0}
.errors{background:#fff;border:3px solid #a4001d;border-radius:.6rem;padding:1rem;margin:0 0 1.25rem}
.errors h2{color:#a4001d}
.errors ul{margin:.5rem 0 0;padding-left:1.2rem}
.errors a{color:#a4001d;font-weight:600}
.message{background:#fff;border:1px solid #d5dbe1;border-left:6px solid #0a4a7d;border-radius:.6rem;padding:1.25rem;margin:0 0 1.25rem}
.message.warn{border-left-color:#a4001d}
.submit{margin:1.5rem 0 0}
button{font:inherit;font-weight:700;color:#fff;background:#0a4a7d;border:0;border-radius:.45rem;padding:.8rem 1.5rem;min-height:48px;cursor:pointer;width:100%}
button:hover{background:#06304f}
.foot{color:#3d3d3d;font-size:.95rem;padding-bottom:2rem}
@media (min-width:40rem){
 body{font-size:1.0625rem}
 h1{font-size:2rem}
 .scale{grid-template-columns:repeat(5,minmax(0,1fr)) minmax(0,1.3fr)}
 .scale .opt{flex-direction:column;justify-content:center;text-align:center;gap:.2rem;padding:.6rem .15rem}
 .scale .opt .w{font-size:.85rem;line-height:1.3}
 .choices{grid-template-columns:repeat(2,minmax(0,1fr))}
 button{width:auto}
}
@media (prefers-reduced-motion:no-preference){.opt{transition:background-color .1s}}
@media (forced-colors:active){.opt:has(input:checked){outline:2px solid Highlight}}
`;

/**
 * Progressive enhancement only: the form works without it (the server checks and answers with
 * the same messages). With it, progress is shown as items are rated, the comment's length is
 * counted, and missing ratings are listed before anything is sent.
 */
const JS = `
(function () {
  'use strict';
  var form = document.getElementById('survey');
  var summary = document.getElementById('errors');
  if (summary) { summary.focus(); }
  if (!form) { return; }
  var data = form.dataset;
  var questions = Array.prototype.slice.call(form.querySelectorAll('fieldset.q[data-perspective]'));
  var progress = document.getElementById('progress');
  var bar = progress ? progress.querySelector('progress') : null;
  var text = document.getElementById('progress-text');
  function answered(q) { return q.querySelector('input[type=radio]:checked') !== null; }
  function update() {
    var done = questions.filter(answered).length;
    if (bar) { bar.value = done; }
    if (text) { text.textContent = data.progress.replace('{n}', String(done)).replace('{total}', String(questions.length)); }
  }
  if (progress) { progress.hidden = false; update(); }
  form.addEventListener('change', function (event) {
    var target = event.target;
    if (target && target.type === 'radio') {
      var q = target.closest('fieldset.q');
      if (q && q.classList.contains('invalid')) {
        q.classList.remove('invalid');
        var error = q.querySelector('.field-error');
        if (error) { error.remove(); }
      }
      update();
    }
  });
  var comment = document.getElementById('comment');
  var count = document.getElementById('comment-count');
  if (comment && count) {
    var max = Number(comment.getAttribute('maxlength'));
    var showCount = function () {
      var left = max - comment.value.length;
      count.hidden = comment.value.length === 0;
      count.textContent = data.charsLeft.replace('{n}', String(left));
    };
    comment.addEventListener('input', showCount);
    showCount();
  }
  form.addEventListener('submit', function (event) {
    var missing = questions.filter(function (q) { return !answered(q); });
    if (missing.length === 0) { return; }
    event.preventDefault();
    var box = document.getElementById('errors');
    if (!box) {
      box = document.createElement('div');
      box.id = 'errors';
      box.className = 'errors';
      box.setAttribute('role', 'alert');
      box.tabIndex = -1;
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = '';
    var heading = document.createElement('h2');
    heading.textContent = data.errorsTitle;
    box.appendChild(heading);
    var list = document.createElement('ul');
    missing.forEach(function (q) {
      var label = q.getAttribute('data-label');
      var message = data.missing.replace('{label}', label);
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + q.id;
      link.textContent = message;
      item.appendChild(link);
      list.appendChild(item);
      q.classList.add('invalid');
      if (!q.querySelector('.field-error')) {
        var error = document.createElement('p');
        error.className = 'field-error';
        error.id = 'e-' + q.id;
        error.textContent = message;
        q.querySelector('legend').insertAdjacentElement('afterend', error);
        q.setAttribute('aria-describedby', error.id);
      }
    });
    box.appendChild(list);
    box.focus();
  });
})();
`;

function hashed(content: string): { readonly content: string; readonly hash: string } {
  return { content, hash: createHash('sha256').update(content).digest('hex').slice(0, 12) };
}

/** The tab's mark in the brand blue, so browsers find an icon and log no missing file. */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0a4a7d"/><path d="M9 8h7a8 8 0 0 1 0 16H9z" fill="none" stroke="#fff" stroke-width="3"/></svg>`;

export const SURVEY_CSS = hashed(CSS.trim());
export const SURVEY_ICON = hashed(ICON);
export const ICON_FILE = `icon-${SURVEY_ICON.hash}.svg`;
export const SURVEY_JS = hashed(JS.trim());
export const ASSET_PATH = '/s/assets';
export const CSS_FILE = `survey-${SURVEY_CSS.hash}.css`;
export const JS_FILE = `survey-${SURVEY_JS.hash}.js`;
