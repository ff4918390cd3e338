/** Which chats a connected business bot reaches (businessBotRecipients). */
export interface BotRecipients {
  readonly existingChats: boolean;
  readonly newChats: boolean;
  readonly contacts: boolean;
  readonly nonContacts: boolean;
  /** The listed users are excluded instead of included. */
  readonly excludeSelected: boolean;
  /** How many users are listed by hand. */
  readonly users: number;
}

/** One entry of account.getConnectedBots: a business bot that may read and answer the owner's chats. */
export interface ConnectedBot {
  /** Telegram user id of the bot, an int64. */
  readonly botId: bigint;
  readonly username: string | undefined;
  readonly name: string;
  /** can_reply: it may answer in the owner's name, not only read. */
  readonly canReply: boolean;
  readonly recipients: BotRecipients;
}
