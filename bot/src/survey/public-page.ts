import { LANGUAGES, pickText, type Language } from '../shared/i18n/language';
import { ASSET_PATH, CSS_FILE, ICON_FILE, JS_FILE } from './public-page-assets';
import { surveyMessagesFor, type SurveyMessages } from './survey-messages';
import {
  DONT_KNOW_VALUE,
  RATING_VALUES,
  type AnswerProblem,
  type Perspective,
  type RawAnswer,
  type SurveyInstrument,
} from './survey-instrument';

/**
 * The public answer page, rendered on the server as plain HTML: it works without JavaScript, on a
 * phone, with a screen reader. Every perspective is a fieldset whose legend names it; errors are
 * listed at the top (announced and focused) and beside each field; nothing is loaded from another
 * site. Every value that came from a person or a coordinator goes through `esc`.
 */

const LANGUAGE_NAMES: Record<Language, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

interface PageFrame {
  readonly language: Language;
  readonly title: string;
  /** The page's own path without the query, for the language links. */
  readonly path: string;
  readonly hasErrors?: boolean;
  readonly body: string;
  readonly privacyPath?: string;
}

function frame(page: PageFrame): string {
  const m = surveyMessagesFor(page.language);
  const languages = LANGUAGES.map(
    (language) =>
      `<li><a href="${esc(page.path)}?lang=${language}" lang="${language}" hreflang="${language}"${
        language === page.language ? ' aria-current="true"' : ''
      }>${LANGUAGE_NAMES[language]}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>${page.hasErrors ? esc(m.errorPrefix) : ''}${esc(page.title)}</title>
<link rel="icon" href="${ASSET_PATH}/${ICON_FILE}" type="image/svg+xml">
<link rel="stylesheet" href="${ASSET_PATH}/${CSS_FILE}">
<script src="${ASSET_PATH}/${JS_FILE}" defer></script>
</head>
<body>
<a class="skip" href="#main">${esc(m.skipToForm)}</a>
<header class="top"><div class="wrap">
<p class="brand">Digiverkosto</p>
<nav aria-label="${esc(m.languageLabel)}"><ul class="langs">${languages}</ul></nav>
</div></header>
<main id="main" class="wrap" tabindex="-1">
${page.body}
</main>
<footer class="foot wrap"><p>${esc(m.footer)}${
    page.privacyPath
      ? ` · <a href="${esc(page.privacyPath)}?lang=${page.language}">${esc(m.privacyLink)}</a>`
      : ''
  }</p></footer>
</body>
</html>
`;
}

export interface FormPage {
  readonly language: Language;
  readonly code: string;
  readonly municipalityName: string;
  readonly instrument: SurveyInstrument;
  readonly closesAtText: string;
  readonly token: string;
  readonly requireCode: boolean;
  /** What was sent, when the form comes back with problems. */
  readonly values?: RawAnswer & { readonly oneTimeCode?: string | undefined };
  readonly problems?: readonly AnswerProblem[];
  /** A message above the form (an expired form, too many answers from one address, a bad code). */
  readonly banner?: string;
  /** Extra field errors that are not about the answer (the one-time code). */
  readonly codeError?: string;
}

function fieldError(id: string, message: string | undefined): string {
  return message ? `<p class="field-error" id="${esc(id)}">${esc(message)}</p>` : '';
}

function perspectiveFieldset(perspective: Perspective, page: FormPage, error: string | undefined): string {
  const { language, instrument } = page;
  const name = `r.${perspective.id}`;
  const selected = page.values?.ratings[perspective.id];
  const errorId = `e-q-${perspective.id}`;
  const described = error ? ` aria-describedby="${esc(errorId)}"` : '';
  const option = (value: string, content: string, extraClass = ''): string =>
    `<label class="opt${extraClass}"><input type="radio" name="${esc(name)}" value="${value}"${
      selected === value ? ' checked' : ''
    }>${content}</label>`;
  const steps = RATING_VALUES.map((value) =>
    option(
      String(value),
      `<span class="n">${value}</span><span class="w">${esc(pickText(instrument.scale[value - 1] ?? { fi: '' }, language))}</span>`,
    ),
  ).join('');
  const dontKnow = option(
    DONT_KNOW_VALUE,
    `<span class="w">${esc(pickText(instrument.dontKnow, language))}</span>`,
    ' dk',
  );
  const label = pickText(perspective.label, language);
  return `<fieldset class="q${error ? ' invalid' : ''}" id="q-${esc(perspective.id)}" data-perspective="${esc(
    perspective.id,
  )}" data-label="${esc(label)}"${described}>
<legend><span class="q-label">${esc(label)}</span><span class="q-text">${esc(pickText(perspective.question, language))}</span></legend>
${fieldError(errorId, error)}<div class="scale">${steps}${dontKnow}</div>
</fieldset>`;
}

function problemMessages(
  page: FormPage,
  m: SurveyMessages,
): { byField: Map<string, string>; list: { href: string; text: string }[] } {
  const byField = new Map<string, string>();
  const list: { href: string; text: string }[] = [];
  const { instrument, language } = page;
  for (const problem of page.problems ?? []) {
    switch (problem.kind) {
      case 'missingRating':
      case 'invalidRating': {
        const perspective = instrument.perspectives.find((p) => p.id === problem.perspectiveId);
        const label = perspective ? pickText(perspective.label, language) : problem.perspectiveId;
        const text = problem.kind === 'missingRating' ? m.missingRating(label) : m.invalidRating(label);
        byField.set(`q-${problem.perspectiveId}`, text);
        list.push({ href: `#q-${problem.perspectiveId}`, text });
        break;
      }
      case 'invalidBackground': {
        const question = instrument.background.find((q) => q.id === problem.questionId);
        const text = m.invalidBackground(question ? pickText(question.label, language) : problem.questionId);
        byField.set(`b-${problem.questionId}`, text);
        list.push({ href: `#b-${problem.questionId}`, text });
        break;
      }
      case 'commentTooLong': {
        const text = m.commentTooLong(problem.maxLength, problem.length);
        byField.set('comment', text);
        list.push({ href: '#comment', text });
        break;
      }
      case 'commentNotAsked':
        list.push({ href: '#survey', text: m.commentNotAsked });
        break;
      case 'unknownPerspective':
        list.push({ href: '#survey', text: m.unknownPerspective });
        break;
    }
  }
  if (page.codeError) {
    byField.set('code', page.codeError);
    list.push({ href: '#code', text: page.codeError });
  }
  return { byField, list };
}

export function renderFormPage(page: FormPage): string {
  const m = surveyMessagesFor(page.language);
  const { instrument, language } = page;
  const path = `/s/${page.code}`;
  const problems = problemMessages(page, m);
  const personal = instrument.perspectives.filter((p) => p.scope === 'personal');
  const municipal = instrument.perspectives.filter((p) => p.scope === 'municipality');
  const sections: { id: string; title: string; hint: string; content: string }[] = [];
  if (personal.length > 0) {
    sections.push({
      id: 'personal',
      title: m.sectionPersonal,
      hint: m.sectionPersonalHint,
      content: personal
        .map((p) => perspectiveFieldset(p, page, problems.byField.get(`q-${p.id}`)))
        .join('\n'),
    });
  }
  if (municipal.length > 0) {
    sections.push({
      id: 'municipality',
      title: m.sectionMunicipality,
      hint: m.sectionMunicipalityHint(page.municipalityName),
      content: municipal
        .map((p) => perspectiveFieldset(p, page, problems.byField.get(`q-${p.id}`)))
        .join('\n'),
    });
  }
  if (instrument.background.length > 0) {
    const questions = instrument.background
      .map((question) => {
        const selected = page.values?.background[question.id] ?? '';
        const error = problems.byField.get(`b-${question.id}`);
        const errorId = `e-b-${question.id}`;
        const name = `b.${question.id}`;
        const options = [
          ...question.options.map((option) => ({
            value: option.id,
            label: pickText(option.label, language),
          })),
          { value: '', label: m.preferNotToSay },
        ]
          .map(
            (option) =>
              `<label class="opt"><input type="radio" name="${esc(name)}" value="${esc(option.value)}"${
                selected === option.value && (option.value !== '' || page.values !== undefined)
                  ? ' checked'
                  : ''
              }><span class="w">${esc(option.label)}</span></label>`,
          )
          .join('');
        return `<fieldset class="q${error ? ' invalid' : ''}" id="b-${esc(question.id)}"${
          error ? ` aria-describedby="${esc(errorId)}"` : ''
        }>
<legend><span class="q-label">${esc(pickText(question.label, language))}</span></legend>
${fieldError(errorId, error)}<div class="choices">${options}</div>
</fieldset>`;
      })
      .join('\n');
    sections.push({
      id: 'background',
      title: m.sectionBackground,
      hint: m.backgroundHint,
      content: questions,
    });
  }
  if (instrument.comment) {
    const error = problems.byField.get('comment');
    const max = instrument.comment.maxLength;
    sections.push({
      id: 'comment-section',
      title: m.sectionComment,
      hint: '',
      content: `<div class="card">
<label class="field" for="comment">${esc(pickText(instrument.comment.prompt, language))}</label>
<p class="note" id="comment-hint">${esc(m.commentHint(max))}</p>
${fieldError('e-comment', error)}<textarea id="comment" name="comment" rows="6" maxlength="${max}" aria-describedby="comment-hint${
        error ? ' e-comment' : ''
      } comment-count"${error ? ' aria-invalid="true"' : ''}>${esc(page.values?.comment ?? '')}</textarea>
<p class="count" id="comment-count" aria-live="polite" hidden></p>
</div>`,
    });
  }
  if (page.requireCode) {
    const error = problems.byField.get('code');
    sections.push({
      id: 'code-section',
      title: m.sectionCode,
      hint: '',
      content: `<div class="card">
<label class="field" for="code">${esc(m.codeLabel)}</label>
<p class="note" id="code-hint">${esc(m.codeHint)}</p>
${fieldError('e-code', error)}<input type="text" id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20" aria-describedby="code-hint${
        error ? ' e-code' : ''
      }"${error ? ' aria-invalid="true"' : ''} value="${esc(page.values?.oneTimeCode ?? '')}">
</div>`,
    });
  }
  const total = instrument.perspectives.length;
  const errorSummary =
    problems.list.length > 0
      ? `<div class="errors" id="errors" role="alert" tabindex="-1" aria-labelledby="errors-title">
<h2 id="errors-title">${esc(m.errorsTitle)}</h2>
<ul>${problems.list.map((item) => `<li><a href="${esc(item.href)}">${esc(item.text)}</a></li>`).join('')}</ul>
</div>`
      : '';
  const banner = page.banner ? `<div class="message warn" role="alert"><p>${esc(page.banner)}</p></div>` : '';
  const low = pickText(instrument.scale[0], language);
  const high = pickText(instrument.scale[4], language);
  const body = `<h1>${esc(pickText(instrument.name, language))}<span class="muni">${esc(page.municipalityName)}</span></h1>
<p class="lead">${esc(m.intro)}</p>
<ul class="facts"><li>${esc(m.duration)}</li><li>${esc(m.questionCount(total))}</li><li>${esc(m.openUntil(page.closesAtText))}</li></ul>
<p class="anon">${esc(m.anonymity(instrument.reporting.minGroupSize))} <a href="${path}/privacy?lang=${language}">${esc(m.privacyLink)}</a></p>
${banner}${errorSummary}
<form id="survey" method="post" action="${path}?lang=${language}" novalidate
 data-progress="${esc(m.progress(-1, -2).replace('-1', '{n}').replace('-2', '{total}'))}"
 data-missing="${esc(m.missingRating('{label}'))}" data-errors-title="${esc(m.errorsTitle)}" data-chars-left="${esc(
   charsLeftTemplate(language),
 )}">
<input type="hidden" name="token" value="${esc(page.token)}">
<input type="hidden" name="lang" value="${language}">
<div class="progress" id="progress" hidden><p id="progress-text">${esc(m.progress(0, total))}</p><progress max="${total}" value="0" aria-labelledby="progress-text"></progress></div>
<p class="note">${esc(m.scaleHint(low, high))}</p>
${sections
  .map(
    (section, index) => `<section aria-labelledby="h-${section.id}">
<h2 id="h-${section.id}"><span class="step">${index + 1}/${sections.length}</span>${esc(section.title)}</h2>
${section.hint ? `<p class="note">${esc(section.hint)}</p>` : ''}
${section.content}
</section>`,
  )
  .join('\n')}
<div class="submit"><button type="submit">${esc(m.submit)}</button><p class="note">${esc(m.submitNote)}</p></div>
</form>`;
  return frame({
    language,
    title: m.pageTitle(page.municipalityName),
    path,
    hasErrors: problems.list.length > 0 || page.banner !== undefined,
    body,
    privacyPath: `${path}/privacy`,
  });
}

function charsLeftTemplate(language: Language): string {
  return { fi: 'Merkkejä jäljellä: {n}', sv: 'Tecken kvar: {n}', en: 'Characters left: {n}' }[language];
}

/** A page with one message: thanks, closed, not yet open, unknown, already answered. */
export function renderMessagePage(options: {
  readonly language: Language;
  readonly path: string;
  readonly title: string;
  readonly heading: string;
  readonly body: string;
  readonly tone?: 'info' | 'warn';
  readonly link?: { readonly href: string; readonly text: string };
  readonly privacyPath?: string;
}): string {
  return frame({
    language: options.language,
    title: options.title,
    path: options.path,
    body: `<h1>${esc(options.heading)}</h1>
<div class="message${options.tone === 'warn' ? ' warn' : ''}"><p>${esc(options.body)}</p>${
      options.link ? `<p><a href="${esc(options.link.href)}">${esc(options.link.text)}</a></p>` : ''
    }</div>`,
    ...(options.privacyPath ? { privacyPath: options.privacyPath } : {}),
  });
}

export function renderPrivacyPage(options: {
  readonly language: Language;
  readonly code: string;
  readonly municipalityName: string;
  readonly minGroupSize: number;
  readonly minCommentGroup: number;
}): string {
  const m = surveyMessagesFor(options.language);
  const list = (items: readonly string[]): string =>
    `<ul>${items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`;
  const path = `/s/${options.code}/privacy`;
  return frame({
    language: options.language,
    title: `${m.privacyTitle} – ${options.municipalityName}`,
    path,
    body: `<h1>${esc(m.privacyTitle)}<span class="muni">${esc(m.surveyName)}, ${esc(options.municipalityName)}</span></h1>
<p class="lead">${esc(m.privacyIntro)}</p>
<section class="card" aria-labelledby="stored"><h2 id="stored">${esc(m.privacyStoredTitle)}</h2>${list(m.privacyStored)}</section>
<section class="card" aria-labelledby="not-stored"><h2 id="not-stored">${esc(m.privacyNotStoredTitle)}</h2>${list(m.privacyNotStored)}</section>
<section class="card" aria-labelledby="results"><h2 id="results">${esc(m.privacyResultsTitle)}</h2>${list(
      m.privacyResults(options.minGroupSize, options.minCommentGroup),
    )}</section>
<p>${esc(m.privacyController)}</p>
<p><a href="/s/${esc(options.code)}?lang=${options.language}">${esc(m.backToSurvey)}</a></p>`,
  });
}
