export { MtprotoEmulator } from './server';
export { socketClassFor } from './socket';
export { SERVICE_USER_ID } from './handlers';
export type {
  EmulatedConnectedBot,
  EmulatedPasswordDetails,
  EmulatedSelf,
  EmulatedSession,
  EmulatedWebSession,
  InjectedError,
  IssueAuthKeyOptions,
  MtprotoEmulatorOptions,
  PushNewAuthorizationInput,
  PushNewAuthorizationOptions,
  PushServiceMessageOptions,
  RecordedCall,
  RecordedInitConnection,
} from './types';
