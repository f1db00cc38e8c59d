// Files kept with the case (email attachments, scanned letters): name, kind, size, and a
// download that the server always sends as an attachment.
import { Panel } from '../../../components/panel.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import type { CaseView } from '../api/use-case.ts';

const PURPOSE: Record<string, string> = {
  file: 'file',
  letter_scan: 'scanned letter',
  call_recording: 'call recording',
};

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

export function FilesPanel({ view }: { view: CaseView }) {
  if (view.attachments.length === 0) return null;
  return (
    <Panel title="Files">
      <ul className="files">
        {view.attachments.map((file) => (
          <li key={file.id}>
            <a href={`/api/v1/attachments/${file.id}`} download={file.filename}>
              {file.filename}
            </a>{' '}
            <span className="muted">
              {PURPOSE[file.purpose] ?? file.purpose}, {size(file.sizeBytes)}, from{' '}
              {file.source === 'email' ? 'the customer’s email' : 'staff'},{' '}
              {formatDateTime(file.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
