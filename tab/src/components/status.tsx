import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { ApiProblem } from '../api';
import { shellMessages, useMessages } from '../i18n';

/** A loading indicator with a visible label (also read by screen readers through its role). */
export function Loading({ label }: { readonly label?: string }) {
  const t = useMessages(shellMessages);
  return <Spinner size="small" labelPosition="after" label={label ?? t.loading} />;
}

/**
 * An error in the person's language, announced at once (role="alert"). The server's detail is
 * shown only for statuses whose details are written for people (4xx); never for a 500.
 */
export function ErrorMessage({
  error,
  onRetry,
  title,
}: {
  readonly error: Error;
  readonly onRetry?: () => void;
  readonly title?: string;
}) {
  const t = useMessages(shellMessages);
  let body = t.errorGeneric;
  if (error instanceof ApiProblem) {
    if (error.status === 401) body = t.notSignedIn;
    else if (error.status === 403) body = t.forbidden;
  }
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title ?? t.errorTitle}</MessageBarTitle>
          {body}
        </MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>{t.retry}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}
