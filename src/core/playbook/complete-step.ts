// Ticks a playbook step that has no first-class fact behind it (apologise, own it, follow up…).
import { StepInput } from '../../contracts/cases.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { markStepDone } from './mark-step.ts';
import { AUTOMATIC_STEPS } from './playbook.rules.ts';

export async function completeStep(ctx: Ctx, caseId: string, stepKey: string, raw: unknown) {
  const input = parseInput(StepInput, raw ?? {});
  return mutateCase(ctx, caseId, async (c) => {
    if (!c.settings.playbook.some((s) => s.key === stepKey)) {
      throw new DomainError('not_found', `The playbook has no step “${stepKey}”.`);
    }
    const automatic = (AUTOMATIC_STEPS as Record<string, string>)[stepKey];
    if (automatic) {
      throw new DomainError(
        'precondition_failed',
        `The step “${stepKey}” completes itself when ${automatic}.`,
      );
    }
    const isNew = await markStepDone(ctx, c, stepKey, input.notes);
    if (!isNew) throw new DomainError('conflict', `The step “${stepKey}” is already done.`);
    return { step: stepKey, doneAt: c.now };
  });
}
