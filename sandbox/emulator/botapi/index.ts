export {
  BotApiEmulator,
  type BotApiEmulatorOptions,
  type BotIdentity,
  type CallRecord,
  type EmulatorStats,
  type InjectCallbackInput,
  type InjectChat,
  type InjectMessageInput,
  type InjectUser,
  type MessageView,
  type WaitForCallOptions,
} from './emulator';
export { ApiError } from './errors';
export type { Fault, FloodLimits } from './faults';
export { parseHtml, type HtmlOptions, type ParsedText, type WireEntity } from './html';
export type { WireInlineMarkup, WireButton } from './markup';
export type { CallbackAnswer } from './state';
