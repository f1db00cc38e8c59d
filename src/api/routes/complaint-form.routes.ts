// The public complaint form: a page that works without JavaScript frameworks (and can be framed
// by the organisation's own site) and the JSON endpoint it posts to, rate-limited per address.
import type { FastifyInstance } from 'fastify';
import { RateLimiter } from '../../channels/webform/rate-limit.ts';
import { ComplaintFormInput } from '../../contracts/complaint-form.ts';
import { submitComplaintForm } from '../../core/intake/submit-complaint-form.ts';
import type { AppDeps } from '../deps.ts';
import { problem } from '../plugins/errors.ts';

export const FORM_LIMIT_PER_HOUR = 10;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tell us what went wrong</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
label{display:block;margin:.9rem 0 .2rem;font-weight:600}input,textarea,select{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
textarea{min-height:9rem}button{margin-top:1.2rem;padding:.6rem 1.2rem;font:inherit;background:#0b5cad;color:#fff;border:0;border-radius:4px}
:focus{outline:3px solid #f5a623;outline-offset:2px}.hp{position:absolute;left:-9999px}</style></head><body>
<h1>Tell us what went wrong</h1><p>A person will read this and answer you. You will get a case reference straight away.</p>
<form id="f" novalidate><label for="firstName">First name</label><input id="firstName" name="firstName" required autocomplete="given-name">
<label for="lastName">Last name (optional)</label><input id="lastName" name="lastName" autocomplete="family-name">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email">
<label for="phone">Phone (optional)</label><input id="phone" name="phone" type="tel" autocomplete="tel">
<label for="preferredContact">How should we reach you?</label><select id="preferredContact" name="preferredContact"><option value="email">Email</option><option value="phone">Phone call</option><option value="sms">Text message</option></select>
<label for="subject">Subject (optional)</label><input id="subject" name="subject">
<label for="message">What happened?</label><textarea id="message" name="message" required></textarea>
<div class="hp" aria-hidden="true"><label for="website">Leave this empty</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">Send</button></form><p id="msg" role="status" aria-live="polite"></p>
<script>
const f=document.getElementById('f'),msg=document.getElementById('msg');
f.addEventListener('submit',async(e)=>{e.preventDefault();msg.textContent='Sending…';
const body=Object.fromEntries([...new FormData(f)].filter(([,v])=>v!==''));
const r=await fetch('/api/v1/public/complaints',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});
const j=await r.json().catch(()=>({}));
if(r.ok){f.hidden=true;msg.textContent=j.reference?'Thank you. Your reference is '+j.reference+'. We will answer you soon.':'Thank you.';}
else{msg.textContent=(j.title||'Something went wrong; please try again.')+' '+(j.issues||[]).map((i)=>i.message).join(' ');}});
</script></body></html>`;

export function complaintFormRoutes(deps: AppDeps) {
  const limiter = new RateLimiter(FORM_LIMIT_PER_HOUR, 3_600_000);
  return async (app: FastifyInstance) => {
    app.get('/complain', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'",
        )
        .send(PAGE),
    );
    app.post(
      '/api/v1/public/complaints',
      {
        bodyLimit: 64 * 1024,
        schema: {
          tags: ['channels'],
          summary: 'The public complaint form (no account)',
          body: ComplaintFormInput,
        },
      },
      async (req, reply) => {
        if (!limiter.hit(req.ip, deps.now().getTime())) {
          void reply.header('retry-after', '3600');
          return problem(reply, req, 429, {
            title: 'Too many complaints from this address; please try again later or call us.',
            code: 'rate_limited',
          });
        }
        const ctx = {
          actor: { kind: 'system' as const, name: 'web-form' },
          database: deps.database,
          now: deps.now,
          jobs: deps.jobs,
          log: req.log,
          requestId: req.id,
        };
        const key =
          typeof req.headers['idempotency-key'] === 'string'
            ? { idempotencyKey: `form:${req.headers['idempotency-key']}` }
            : {};
        const outcome = await submitComplaintForm(ctx, req.body, key);
        return reply.status(201).send(outcome.isStored ? { reference: outcome.reference } : {});
      },
    );
  };
}
