// The customer portal's HTML: no script at all, plain form posts, labelled controls, and every
// piece of text that is not ours passed through escapeHtml.
import { DateTime } from 'luxon';
import type { viewPortal } from '../../core/portal/view-portal.ts';
import { escapeHtml as e } from '../../core/portal/portal-view.rules.ts';

export type PortalView = Awaited<ReturnType<typeof viewPortal>>;

export const PORTAL_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
h2{margin-top:2rem;font-size:1.2rem}label,legend{display:block;margin:.9rem 0 .2rem;font-weight:600}
textarea,input[type=text],input[type=email]{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}textarea{min-height:7rem}
fieldset{border:1px solid #c8d0da;border-radius:4px;margin:.8rem 0}fieldset label{display:inline;font-weight:400;margin-right:1rem}
button{margin-top:1rem;padding:.6rem 1.2rem;font:inherit;background:#0b5cad;color:#fff;border:0;border-radius:4px}
:focus{outline:3px solid #f5a623;outline-offset:2px}.msg{border-left:4px solid #c8d0da;padding:.3rem .8rem;margin:.8rem 0;white-space:pre-wrap}
.in{border-color:#0b5cad}.note{background:#eef6ee;padding:.6rem .8rem;border-radius:4px}.meta{color:#5a6572;font-size:.9rem}`;

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer">
<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const DONE: Record<string, string> = {
  reply: 'Thank you, your message is with us.',
  verdict: 'Thank you for telling us what you think of the solution.',
  survey: 'Thank you for answering the survey.',
};

const VERDICTS = [
  ['exceeds', 'It is better than I expected'],
  ['meets', 'It is what I expected'],
  ['falls_short', 'It falls short of what I expected'],
] as const;

function scale(name: string, legend: string): string {
  const options = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<input type="radio" id="${name}-${n}" name="${name}" value="${n}" required><label for="${name}-${n}">${n}</label>`,
    )
    .join('');
  return `<fieldset><legend>${legend} (1 = not at all, 5 = completely)</legend>${options}</fieldset>`;
}

function messagesSection(v: PortalView): string {
  if (v.messages.length === 0) return '';
  const items = v.messages
    .map((m) => {
      const who = m.direction === 'in' ? 'You wrote' : 'We wrote';
      const at = DateTime.fromJSDate(m.at, { zone: v.timeZone }).toFormat('d LLL yyyy HH:mm');
      return `<li class="msg ${m.direction}"><span class="meta">${who}, ${e(at)}</span>\n${e(m.body)}</li>`;
    })
    .join('');
  return `<h2>Messages</h2><ol style="list-style:none;padding:0">${items}</ol>`;
}

function solutionsSection(v: PortalView, token: string): string {
  if (v.options.length === 0) return '';
  const list = v.options
    .map((o) => `<li>${e(o.description)}${o.isChosen ? ' <strong>(chosen)</strong>' : ''}</li>`)
    .join('');
  const current = v.verdict
    ? `<p class="note">Your last answer: ${e(VERDICTS.find(([k]) => k === v.verdict)?.[1] ?? v.verdict)}.</p>`
    : '';
  const form = v.canAnswerSolutions
    ? `<form method="post" action="/portal/${e(token)}/verdict"><fieldset><legend>Does this put things right?</legend>
${VERDICTS.map(([value, label]) => `<input type="radio" id="verdict-${value}" name="verdict" value="${value}" required><label for="verdict-${value}">${label}</label><br>`).join('')}</fieldset>
<label for="suggestion">What would make it right for you? (optional)</label><textarea id="suggestion" name="suggestion" maxlength="2000"></textarea>
<button type="submit">Send my answer</button></form>`
    : '';
  return `<h2>Solutions we offered</h2><ul>${list}</ul>${current}${form}`;
}

function surveySection(v: PortalView, token: string): string {
  if (v.survey === 'not_yet') return '';
  if (v.survey === 'done')
    return '<h2>Survey</h2><p>Thank you, we have your answers to our survey.</p>';
  return `<h2>How did we do?</h2><form method="post" action="/portal/${e(token)}/survey">
${scale('outcomeFair', 'Was the outcome fair?')}${scale('processFair', 'Was the way we handled it fair?')}${scale('treatedWell', 'Were you treated well?')}
<fieldset><legend>Will you stay with us?</legend><input type="radio" id="willStay-yes" name="willStay" value="yes" required><label for="willStay-yes">Yes</label><input type="radio" id="willStay-no" name="willStay" value="no"><label for="willStay-no">No</label><input type="radio" id="willStay-unsure" name="willStay" value="unsure"><label for="willStay-unsure">Not sure</label></fieldset>
<label for="comment">Anything else you want to tell us? (optional)</label><textarea id="comment" name="comment" maxlength="5000"></textarea>
<button type="submit">Send the survey</button></form>`;
}

export function portalPage(v: PortalView, token: string, done?: string): string {
  const greeting = v.firstName ? `Hello ${e(v.firstName)}.` : 'Hello.';
  const flash = done && DONE[done] ? `<p class="note" role="status">${DONE[done]}</p>` : '';
  return layout(
    `Case ${v.reference}`,
    `<h1>Your case ${e(v.reference)}</h1>${flash}<p>${greeting}${v.subject ? ` About: ${e(v.subject)}` : ''}</p>
<p><strong>Status:</strong> <span id="status">${e(v.statusText)}</span></p>
${v.nextAnswer ? `<p><strong>Next answer:</strong> ${e(v.nextAnswer)}</p>` : ''}
<h2>What you told us</h2><p class="msg in">${e(v.account)}</p>
${solutionsSection(v, token)}${messagesSection(v)}
<h2>Write to us</h2><form method="post" action="/portal/${e(token)}/reply"><label for="body">Your message</label>
<textarea id="body" name="body" required maxlength="20000"></textarea><button type="submit">Send</button></form>
${surveySection(v, token)}<p class="meta">This page is private to you: do not share its address.</p>`,
  );
}

export function linkRequestForm(): string {
  return `<h2>Ask for a new link</h2><form method="post" action="/portal/new-link">
<label for="reference">Your case reference (for example RD-1001)</label><input type="text" id="reference" name="reference" required maxlength="40">
<label for="contact">The email address or mobile number you gave us</label><input type="text" id="contact" name="contact" required maxlength="320" autocomplete="email">
<button type="submit">Send me a new link</button></form>`;
}

export function badLinkPage(reason: 'malformed' | 'tampered' | 'expired'): string {
  const why =
    reason === 'expired'
      ? 'This link to your case has expired. Links work for 30 days.'
      : 'This link to your case is not valid. It may have been copied incompletely.';
  return layout(
    'Link not valid',
    `<h1>${why}</h1><p>Your case is safe and still being looked after.</p>${linkRequestForm()}`,
  );
}

export function messagePage(title: string, text: string, back?: string): string {
  const link = back ? `<p><a href="${e(back)}">Back to your case</a></p>` : '';
  return layout(title, `<h1>${e(title)}</h1><p>${e(text)}</p>${link}`);
}
