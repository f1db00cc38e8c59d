// Users and roles: who works the desk, what each may do, and switching an account off.
import { useState, type FormEvent } from 'react';
import { Role } from '../../../../src/contracts/enums.ts';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { useStaff, type StaffMember } from '../../../lib/use-staff.ts';
import { useCreateUser, useUpdateUser } from '../api/use-settings.ts';
import { SaveBar } from './save-bar.tsx';

type RoleName = (typeof Role.options)[number];

const CAN: Record<RoleName, string> = {
  agent: 'works cases',
  spokesperson: 'works cases, public-facing',
  supervisor: 'approves restitution, owns problems',
  manager: 'approves restitution, owns problems',
  admin: 'everything, including settings and users',
};

function UserRow({ user, canEdit }: { user: StaffMember; canEdit: boolean }) {
  const update = useUpdateUser();
  return (
    <tr>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>
        <label>
          <span className="visually-hidden">Role of {user.name}</span>
          <select
            value={user.role}
            disabled={!canEdit || update.isPending}
            onChange={(e) => update.mutate({ id: user.id, role: e.target.value as RoleName })}
          >
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </td>
      <td>
        <label className="inline">
          <input
            type="checkbox"
            checked={user.isActive}
            disabled={!canEdit || update.isPending}
            onChange={(e) => update.mutate({ id: user.id, isActive: e.target.checked })}
          />{' '}
          {user.isActive ? 'Active' : 'Switched off'}
          <span className="visually-hidden"> ({user.name})</span>
        </label>
        {update.error && <ErrorNote error={update.error} />}
      </td>
    </tr>
  );
}

function NewUserForm() {
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleName>('agent');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, email, role, password },
      {
        onSuccess: () => {
          setName('');
          setEmail('');
          setPassword('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="panel stack">
      <h3>Add a person</h3>
      <div className="row">
        <label>
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Email
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          First password (10+ characters)
          <input
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
      </div>
      <SaveBar mutation={create} canEdit label="Add person" />
    </form>
  );
}

export function UsersSection({ canEdit }: { canEdit: boolean }) {
  const staff = useStaff();
  return (
    <div className="stack">
      {staff.isPending && <Loading what="people" />}
      {staff.error && <ErrorNote error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((u) => (
              <UserRow key={u.id} user={u} canEdit={canEdit} />
            ))}
          </tbody>
        </table>
      )}
      <ul className="muted small">
        {Role.options.map((r) => (
          <li key={r}>
            <strong>{r}</strong>: {CAN[r]}
          </li>
        ))}
      </ul>
      {canEdit && <NewUserForm />}
    </div>
  );
}
