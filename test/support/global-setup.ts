// Starts the PostgreSQL the suite needs (filled in by the database harness).
export default function setup(): void {
  if (process.env.REDRESS_TEST_NO_DB === '1') return;
}
