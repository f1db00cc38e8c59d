// The first-run set-up page for when the web app is not built (the app has its own set-up screen). No customer text is ever rendered here;
// the set-up token is read by the page's own script, never echoed into the HTML.
import type { FastifyInstance, FastifyReply } from 'fastify';

const CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d2733}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin-top:1.2rem;padding:.6rem 1.2rem;font:inherit;background:#0b5cad;color:#fff;border:0;border-radius:4px}
button:focus,input:focus{outline:3px solid #f5a623;outline-offset:2px}#msg{margin-top:1rem}`;

const SETUP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Set up Redress</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head><body>
<h1>Set up Redress</h1><p>Create the first administrator. This link works once.</p>
<form id="f"><label for="org">Organisation name</label><input id="org" autocomplete="organization">
<label for="name">Your name</label><input id="name" required autocomplete="name">
<label for="email">Email</label><input id="email" type="email" required autocomplete="email">
<label for="password">Password (at least 10 characters)</label><input id="password" type="password" minlength="10" required autocomplete="new-password">
<button type="submit">Create administrator</button></form><p id="msg" role="status" aria-live="polite"></p>
<script>
const f=document.getElementById('f'),msg=document.getElementById('msg');
f.addEventListener('submit',async(e)=>{e.preventDefault();msg.textContent='Creating…';
const v=(id)=>document.getElementById(id).value.trim();
const body={token:new URLSearchParams(location.search).get('token')||'',name:v('name'),email:v('email'),password:document.getElementById('password').value};
if(v('org'))body.organisationName=v('org');
const r=await fetch('/api/v1/setup',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});
const j=await r.json().catch(()=>({}));
if(r.ok){f.hidden=true;msg.textContent='Done. Sign in as '+j.email+'.';}
else{msg.textContent=(j.title||'Something went wrong.')+' '+(j.issues||[]).map((i)=>i.path+': '+i.message).join('; ');}});
</script></body></html>`;

export function pageRoutes(app: FastifyInstance): void {
  const html = (body: string) => async (_req: unknown, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', CSP)
      .header('x-frame-options', 'DENY')
      .send(body);
  app.get('/setup', { schema: { hide: true } }, html(SETUP_PAGE));
}
