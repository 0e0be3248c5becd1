import { whenResponse } from './whenResponse.ts';

/** A 5xx means the server broke, whatever the request was. */
export const notServerError = whenResponse({
  name: 'not-server-error',
  title: 'No 5xx response',
  provenance: 'robustness',
  run({ response }) {
    if (response.status >= 500 && response.status <= 599) {
      return { check: 'not-server-error', outcome: 'fail', message: `server error ${response.status}` };
    }
    return { check: 'not-server-error', outcome: 'pass', message: `answered ${response.status}` };
  },
});
