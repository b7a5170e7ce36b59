import type { Locale } from '../../i18n/locale.ts';

/** The words of the account pages (sign in, register, password reset, my account) and their e-mail. */

const ZH_TW = {
  signInLink: '登入',
  signIn: {
    title: '登入',
    email: '電子郵件',
    password: '密碼',
    submit: '登入',
    failed: '電子郵件或密碼不正確。',
    locked: '連續登入失敗次數過多，此帳號暫時鎖定，請 15 分鐘後再試。',
    unverified: '此帳號的電子郵件尚未驗證：我們已重新寄出驗證信，請點信中的連結後再登入。',
    forgot: '忘記密碼？',
    register: '還沒有帳號？註冊',
    or: '或',
    oidc: (name: string) => `以 ${name} 登入`,
    oidcFailed: '無法以外部身分登入，請再試一次。',
    oidcEmailTaken: '已有帳號使用這個電子郵件，請以密碼登入。',
    oidcNoEmail: '外部身分提供者沒有提供電子郵件，無法建立帳號。',
  },
  register: {
    title: '註冊帳號',
    intro: '註冊後可追蹤資料集並提出資料需求。機關人員的權限由機關管理者授予。',
    displayName: '顯示名稱',
    email: '電子郵件',
    password: '密碼',
    passwordHint: '至少 12 個字元。',
    submit: '註冊',
    sentTitle: '請查收驗證信',
    sent: (email: string) => `我們已寄信到 ${email}。請在 24 小時內點信中的連結完成驗證，之後即可登入。`,
    verifiedTitle: '電子郵件已驗證',
    verified: '驗證完成，現在可以登入了。',
    badTokenTitle: '連結無效',
    badToken: '這個連結無效、已使用過或已過期。請重新申請。',
  },
  forgot: {
    title: '忘記密碼',
    intro: '輸入註冊的電子郵件，我們會寄出重設密碼的連結（1 小時內有效）。',
    email: '電子郵件',
    submit: '寄出重設連結',
    sentTitle: '請查收電子郵件',
    sent: '如果這個電子郵件有帳號，我們已寄出重設密碼的連結，1 小時內有效。',
  },
  reset: {
    title: '重設密碼',
    password: '新密碼',
    submit: '設定新密碼',
    doneTitle: '密碼已重設',
    done: '密碼已更新，所有裝置都已登出。請以新密碼登入。',
  },
  account: {
    title: '我的帳號',
    name: '顯示名稱',
    email: '電子郵件',
    platformAdmin: '平臺管理者',
    roles: '機關角色',
    noRoles: '沒有任何機關角色（一般註冊會員）。',
    organization: '機關',
    role: '角色',
    roleNames: { admin: '管理者', editor: '編輯者', member: '成員' } as Record<string, string>,
    changePassword: '變更密碼',
    currentPassword: '目前的密碼',
    newPassword: '新密碼',
    submit: '變更密碼',
    wrongPassword: '目前的密碼不正確。',
    changed: '密碼已變更，其他裝置都已登出。',
    signOut: '登出',
    manage: '管理後臺',
  },
  field: {
    required: '必填。',
    email: '請輸入有效的電子郵件地址。',
    passwordShort: '密碼至少需要 12 個字元。',
    passwordLong: '密碼最多 256 個字元。',
    nameLong: '顯示名稱最多 100 個字元。',
    problems: '請修正以下問題：',
  },
  mail: {
    verifySubject: '請驗證您的電子郵件',
    verifyBody: (name: string, link: string) =>
      `${name} 您好：\n\n請開啟以下連結驗證您的電子郵件（24 小時內有效）：\n\n${link}\n\n如果您沒有註冊，請忽略這封信。\n`,
    existsSubject: '您已經有帳號了',
    existsBody: (link: string) =>
      `您好：\n\n有人以這個電子郵件申請註冊，但它已經有帳號。如果是您本人且忘記密碼，請由此重設：\n\n${link}\n\n如果不是您，請忽略這封信。\n`,
    resetSubject: '重設密碼',
    resetBody: (name: string, link: string) =>
      `${name} 您好：\n\n請開啟以下連結設定新密碼（1 小時內有效）：\n\n${link}\n\n如果您沒有申請，請忽略這封信，密碼不會改變。\n`,
  },
};

export type AccountMessages = typeof ZH_TW;

const EN: AccountMessages = {
  signInLink: 'Sign in',
  signIn: {
    title: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    failed: 'The e-mail address or password is not right.',
    locked:
      'Too many failed sign-ins in a row: this account is locked for now. Try again later (in 15 minutes).',
    unverified:
      'This account’s e-mail address is not verified yet: we have sent the verification e-mail again. Open its link, then sign in.',
    forgot: 'Forgot your password?',
    register: 'No account yet? Register',
    or: 'or',
    oidc: (name: string) => `Sign in with ${name}`,
    oidcFailed: 'Signing in with the external provider did not work; please try again.',
    oidcEmailTaken: 'An account already uses this e-mail address: sign in with your password.',
    oidcNoEmail: 'The identity provider gave no e-mail address, so no account can be made.',
  },
  register: {
    title: 'Register',
    intro:
      'Registered people can follow datasets and request data. Agency staff get their roles from their agency’s administrator.',
    displayName: 'Display name',
    email: 'E-mail',
    password: 'Password',
    passwordHint: 'At least 12 characters.',
    submit: 'Register',
    sentTitle: 'Check your inbox',
    sent: (email: string) =>
      `We have sent an e-mail to ${email}. Open its link within 24 hours to verify your address; then you can sign in.`,
    verifiedTitle: 'E-mail address verified',
    verified: 'Your address is verified: you can sign in now.',
    badTokenTitle: 'This link does not work',
    badToken: 'The link is wrong, was used already or has expired. Please ask for a new one.',
  },
  forgot: {
    title: 'Forgot your password',
    intro:
      'Enter the e-mail address of your account: we will send a link to set a new password (valid for 1 hour).',
    email: 'E-mail',
    submit: 'Send the link',
    sentTitle: 'Check your inbox',
    sent: 'If an account has this address, we have sent it a link to set a new password. It is valid for 1 hour.',
  },
  reset: {
    title: 'Set a new password',
    password: 'New password',
    submit: 'Set the password',
    doneTitle: 'Password changed',
    done: 'Your password is set and you are signed out everywhere. Sign in with the new password.',
  },
  account: {
    title: 'My account',
    name: 'Display name',
    email: 'E-mail',
    platformAdmin: 'Platform administrator',
    roles: 'Roles by organisation',
    noRoles: 'No organisation roles (registered citizen).',
    organization: 'Organisation',
    role: 'Role',
    roleNames: { admin: 'Administrator', editor: 'Editor', member: 'Member' },
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    submit: 'Change password',
    wrongPassword: 'The current password is not right.',
    changed: 'Password changed; your other devices are signed out.',
    signOut: 'Sign out',
    manage: 'Back office',
  },
  field: {
    required: 'Required.',
    email: 'Enter a valid e-mail address.',
    passwordShort: 'The password needs at least 12 characters.',
    passwordLong: 'The password may have at most 256 characters.',
    nameLong: 'The display name may have at most 100 characters.',
    problems: 'Please fix these problems:',
  },
  mail: {
    verifySubject: 'Verify your e-mail address',
    verifyBody: (name: string, link: string) =>
      `Hello ${name},\n\nOpen this link to verify your e-mail address (valid for 24 hours):\n\n${link}\n\nIf you did not register, ignore this e-mail.\n`,
    existsSubject: 'You already have an account',
    existsBody: (link: string) =>
      `Hello,\n\nSomeone tried to register with this e-mail address, which already has an account. If it was you and you forgot your password, set a new one here:\n\n${link}\n\nIf it was not you, ignore this e-mail.\n`,
    resetSubject: 'Set a new password',
    resetBody: (name: string, link: string) =>
      `Hello ${name},\n\nOpen this link to set a new password (valid for 1 hour):\n\n${link}\n\nIf you did not ask for this, ignore this e-mail: your password stays the same.\n`,
  },
};

export function accountMessages(locale: Locale): AccountMessages {
  return locale === 'en' ? EN : ZH_TW;
}
