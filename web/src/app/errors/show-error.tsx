import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from './api-error';
import { describeError } from './messages';

/**
 * Shows an error as a notification, in Dutch. A 409 STALE_VERSION offers to reload what is stale
 * (`reload`): someone else changed it, and the user should see their change before deciding again.
 */
export function showError(error: unknown, options: { reload?: () => void } = {}): void {
  const stale = error instanceof ApiError && error.code === 'STALE_VERSION';
  notifications.show({
    color: 'red',
    title: stale ? 'Intussen gewijzigd' : 'Dit lukte niet',
    autoClose: stale ? false : 8000,
    message:
      stale && options.reload ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{describeError(error)}</Text>
          <Button
            size="xs"
            variant="white"
            onClick={() => {
              notifications.clean();
              options.reload?.();
            }}
          >
            Opnieuw laden
          </Button>
        </Stack>
      ) : (
        describeError(error)
      ),
  });
}

export function showSuccess(message: string): void {
  notifications.show({ color: 'teal', title: 'Gelukt', message, autoClose: 4000 });
}
