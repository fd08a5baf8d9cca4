import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '@app/errors/api-error';
import { fieldMessage } from '@app/errors/messages';
import { showError } from '@app/errors/show-error';

/**
 * What a form does with a failed submit: the API's 422/409 field errors at their fields (in Dutch),
 * anything else, or a field the form does not show, as a notification. The API is the judge of what is
 * valid; the form's own checks only help before sending. `fields` maps API field names to the form's
 * when they differ.
 */
export function showFormError<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
  options: { fields?: Record<string, string>; reload?: () => void } = {},
): void {
  if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
    const known = new Set(Object.keys(form.getValues()));
    const atFields: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const [apiField, message] of Object.entries(error.fieldErrors)) {
      const field = options.fields?.[apiField] ?? apiField.split('.')[0] ?? apiField;
      if (known.has(field)) atFields[field] = fieldMessage(message);
      else elsewhere.push(apiField);
    }
    form.setErrors(atFields);
    if (elsewhere.length === 0) return;
  }
  showError(error, { reload: options.reload });
}
