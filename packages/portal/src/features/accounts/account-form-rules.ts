import type { AccountMessages } from './account-messages.ts';
import { isEmailAddress } from './account-view.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.ts';
import type { Problems } from './views/account-form.tsx';

/** The field rules of the account forms, with their messages in the page's language. */

export const DISPLAY_NAME_MAX_LENGTH = 100;

export function newPasswordProblem(am: AccountMessages, password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return am.field.passwordShort;
  if (password.length > PASSWORD_MAX_LENGTH) return am.field.passwordLong;
  return undefined;
}

export function registrationProblems(
  am: AccountMessages,
  input: { displayName: string; email: string; password: string },
): Problems {
  const problems: Problems = {};
  const name = input.displayName.trim();
  if (name === '') problems.displayName = am.field.required;
  else if (name.length > DISPLAY_NAME_MAX_LENGTH) problems.displayName = am.field.nameLong;
  if (!isEmailAddress(input.email.trim())) problems.email = am.field.email;
  const password = newPasswordProblem(am, input.password);
  if (password) problems.password = password;
  return problems;
}
