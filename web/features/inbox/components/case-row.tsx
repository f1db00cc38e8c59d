// One case in the queue: reference, customer, subject, channel, owner and its live countdown.
import { Link } from '../../../app/router.tsx';
import { Countdown } from '../../../components/countdown.tsx';
import { nextDeadline, type CaseListItem } from '../api/use-cases.ts';

interface Props {
  item: CaseListItem;
  ownerName: string | undefined;
  isSelected: boolean;
  onSelect: () => void;
}

export function CaseRow({ item, ownerName, isSelected, onSelect }: Props) {
  const deadline = nextDeadline(item);
  const customer = [item.customerFirstName, item.customerLastName].filter(Boolean).join(' ');
  return (
    <tr
      className={isSelected ? 'case-row is-selected' : 'case-row'}
      aria-selected={isSelected}
      data-reference={item.reference}
      onClick={onSelect}
    >
      <td>
        <Link href={`/cases/${item.reference}`}>{item.reference}</Link>
      </td>
      <td>{customer || 'Unknown customer'}</td>
      <td className="case-row__subject">{item.subject ?? '(no subject)'}</td>
      <td>{item.channel.replace(/_/g, ' ')}</td>
      <td>{item.status.replace(/_/g, ' ')}</td>
      <td>{ownerName ?? 'Unassigned'}</td>
      <td>
        <Countdown dueAt={deadline.dueAt} label={deadline.label} />
      </td>
    </tr>
  );
}
