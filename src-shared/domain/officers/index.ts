export { officerRoles, profileOf, roleLabels, usernameSchema, type OfficerAccount, type OfficerProfile, type OfficerRole } from './account';
export { checkSecret, createCredential, defaultScryptParams, verifySecret, type Credential, type CredentialKind, type ScryptParams } from './credential';
export { afterFailure, afterSuccess, attemptsLeft, lockRemainingMs, lockoutPolicy } from './lockout';
export { officerErrorCodes, officerFailures } from './errors';
