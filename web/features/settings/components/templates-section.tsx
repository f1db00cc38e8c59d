// Reply templates: a name and a body with {{firstName}}, {{reference}} and {{promisedTime}}.
import { useState, type FormEvent } from 'react';
import { TEMPLATE_PLACEHOLDERS } from '../../../../src/contracts/templates.ts';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { useTemplates, type ReplyTemplate } from '../../../lib/use-templates.ts';
import { useDeleteTemplate, useSaveTemplate } from '../api/use-settings.ts';
import { SaveBar } from './save-bar.tsx';

function TemplateForm({
  template,
  canEdit,
  onDone,
}: {
  template: ReplyTemplate | null;
  canEdit: boolean;
  onDone: () => void;
}) {
  const save = useSaveTemplate();
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { ...(template ? { id: template.id } : {}), name, body },
      {
        onSuccess: () => {
          if (!template) {
            setName('');
            setBody('');
          }
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="stack panel">
      <fieldset disabled={!canEdit} className="stack">
        <legend>{template ? `Edit “${template.name}”` : 'New template'}</legend>
        <label>
          Template name
          <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Template text
          <textarea rows={5} required value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <p className="muted small">
          Placeholders:{' '}
          {Object.entries(TEMPLATE_PLACEHOLDERS).map(([key, what]) => (
            <span key={key}>
              <code>{`{{${key}}}`}</code> {what}.{' '}
            </span>
          ))}
        </p>
      </fieldset>
      <SaveBar
        mutation={save}
        canEdit={canEdit}
        label={template ? 'Save template' : 'Add template'}
      />
    </form>
  );
}

export function TemplatesSection({ canEdit }: { canEdit: boolean }) {
  const templates = useTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="stack">
      {templates.isPending && <Loading what="templates" />}
      {templates.error && (
        <ErrorNote error={templates.error} onRetry={() => void templates.refetch()} />
      )}
      {templates.data?.length === 0 && <p className="empty">No reply templates yet.</p>}
      {templates.data?.map((t) =>
        editing === t.id ? (
          <TemplateForm key={t.id} template={t} canEdit={canEdit} onDone={() => setEditing(null)} />
        ) : (
          <div key={t.id} className="panel">
            <h3>{t.name}</h3>
            <p className="message-body">{t.body}</p>
            {canEdit && (
              <div className="row">
                <button type="button" className="button--small" onClick={() => setEditing(t.id)}>
                  Edit “{t.name}”
                </button>
                <button
                  type="button"
                  className="button--small button--quiet"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(t.id)}
                >
                  Delete “{t.name}”
                </button>
              </div>
            )}
          </div>
        ),
      )}
      {remove.error && <ErrorNote error={remove.error} />}
      {canEdit && <TemplateForm template={null} canEdit={canEdit} onDone={() => undefined} />}
    </div>
  );
}
