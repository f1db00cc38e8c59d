// The case workspace: the customer's words first, the playbook rail and closure checklist beside
// the work, the timeline last.
import { useEffect } from 'react';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { useCase } from '../api/use-case.ts';
import { CaseHeader } from './case-header.tsx';
import { ClosurePanel } from './closure-panel.tsx';
import { CustomerWords } from './customer-words.tsx';
import { FeelingsPanel } from './feelings-panel.tsx';
import { FilesPanel } from './files-panel.tsx';
import { PlaybookRail } from './playbook-rail.tsx';
import { PromisesPanel } from './promises-panel.tsx';
import { ReplyPanel } from './reply-panel.tsx';
import { RestatementPanel } from './restatement-panel.tsx';
import { RestitutionPanel } from './restitution-panel.tsx';
import { SolutionsPanel } from './solutions-panel.tsx';
import { TimelineList } from './timeline-list.tsx';
import { TransferPanel } from './transfer-panel.tsx';

export function CasePage({ reference }: { reference: string }) {
  const query = useCase(reference);
  const view = query.data;
  useEffect(() => {
    document.title = `${reference} · Redress`;
    document.getElementById('main')?.focus();
  }, [reference]);
  if (query.isPending) return <Loading what={`case ${reference}`} />;
  if (!view) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <article className="case" aria-label={`Case ${reference}`}>
      <CaseHeader view={view} />
      {query.error && <ErrorNote error={query.error} onRetry={() => void query.refetch()} />}
      <div className="case__grid">
        <div className="case__work">
          <CustomerWords view={view} />
          <FilesPanel view={view} />
          <RestatementPanel view={view} />
          <FeelingsPanel key={String(view.case.confirmedFeelings)} view={view} />
          <SolutionsPanel view={view} />
          <RestitutionPanel view={view} />
          <PromisesPanel view={view} />
          <ReplyPanel view={view} />
          <TransferPanel view={view} />
          <TimelineList view={view} />
        </div>
        <aside className="case__side">
          <PlaybookRail view={view} />
          <ClosurePanel view={view} />
        </aside>
      </div>
    </article>
  );
}
