import { type HooksOf, type Mutant, type OperatorFamily, mutantOf } from '../Mutant.ts';

/**
 * Tasks: for every task-like link of a success answer (`links` with `x-conformance.task`), the task
 * never ends, the answer gives an id the linked operation does not know, the states go back once, and
 * (for an operation with a body) a request whose body breaks the document accepted, its task failed.
 */
export const taskMutants: OperatorFamily = ({ operation }) => {
  const out: Mutant[] = [];
  for (const response of operation.responses.filter((r) => /^2/.test(r.status))) {
    for (const link of (response.links ?? []).filter((l) => l.task !== undefined)) {
      const target = `${operation.hints.constraintPrefix}.response.${response.status}.links.${link.name}`;
      const add = (operator: string, description: string, hooks: HooksOf): void => {
        // The rules a link adds are as binding as the link itself: a convention link's task rules give warnings.
        out.push(mutantOf({ family: 'task', operator, operationId: operation.operationId, target, params: { link: link.name }, provenance: link.provenance, description, hooks }));
      };
      const task = link.task!;
      add('never-ends', `the ${link.name} task never reaches ${task.terminal.join('|')}`, { task: (plan) => ({ ...plan, end: 'never' }) });
      add('unknown-id', `the ${response.status} answer gives a ${link.name} id ${link.operationId} does not know`, { task: (plan) => ({ ...plan, unknownId: true }) });
      const running = task.order.flat().filter((s) => !task.terminal.includes(s));
      if (running.length >= 2) add('states-backwards', `the ${link.name} task goes from ${running[running.length - 1]} back to ${running[0]}`, { task: (plan) => ({ ...plan, regress: true }) });
      if (operation.requestBody && task.failed.length > 0) {
        add('late-failure', `a body that breaks the document accepted, its ${link.name} task then ${task.failed[0]}`, {
          acceptRequestDespite: (issues) => issues.length > 0 && issues.every((i) => i.where === 'body'),
          task: (plan, ctx) => (ctx.lenient ? { ...plan, end: 'failed' } : plan),
        });
      }
    }
  }
  return out;
};
