import { ApiProblem } from '../../api';
import { useMessages } from '../../i18n';
import { messages, refusals } from './registration-messages';

/** A refusal in the reader's language: by the API's code, else a general sentence. */
export function useRefusal(): (error: unknown, context?: 'handIn') => string {
  const t = useMessages(messages);
  const r = useMessages(refusals);
  return (error, context) => {
    if (error instanceof ApiProblem) {
      if (error.status === 412) return r.conflict;
      if (context === 'handIn' && error.code === 'closed') return r.closedHandIn;
      if (error.code && error.code in r) return r[error.code as keyof typeof r];
    }
    return t.failed;
  };
}
