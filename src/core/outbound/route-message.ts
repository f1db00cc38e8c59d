// Picks the channel for a message to the customer from the case, the customer's stated
// preference and the contacts on file (see delivery.rules.ts).
import type { Channel, ContactKind } from '../../contracts/enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { CaseRow } from '../cases/case.repo.ts';
import { contactsOf } from '../customers/customer.repo.ts';
import { deliveryChannel, type Preference } from './delivery.rules.ts';
import { preferredContactOf } from './outbound.repo.ts';

export async function routeMessage(
  db: DbOrTx,
  row: CaseRow,
  requested?: Channel,
): Promise<Channel> {
  if (requested) return requested;
  const [preferred, contacts] = await Promise.all([
    preferredContactOf(db, row.id),
    contactsOf(db, [row.customerId]),
  ]);
  return deliveryChannel({
    caseChannel: row.channel as Channel,
    preferred: preferred as Preference | null,
    contacts: contacts.map((c) => c.kind as ContactKind),
  });
}
