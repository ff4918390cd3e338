/**
 * Error values the emulated server answers with. Descriptions are copied from
 * what the real Bot API returns, because application code (and retry plugins)
 * branch on these exact strings.
 */
export interface ApiErrorParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: ApiErrorParameters,
  ) {
    super(description);
    this.name = 'ApiError';
  }

  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { ok: false, error_code: this.status, description: this.description };
    if (this.parameters !== undefined) body['parameters'] = this.parameters;
    return body;
  }
}

export const badRequest = (reason: string): ApiError => new ApiError(400, `Bad Request: ${reason}`);

export const Errors = {
  unauthorized: () => new ApiError(401, 'Unauthorized'),
  notFound: () => new ApiError(404, 'Not Found'),
  chatNotFound: () => badRequest('chat not found'),
  chatIdEmpty: () => badRequest('chat_id is empty'),
  textEmpty: () => badRequest('message text is empty'),
  textTooLong: () => badRequest('message is too long'),
  // editMessageText reports overflow with the raw MTProto code instead of the sendMessage wording.
  editTextTooLong: () => badRequest('MESSAGE_TOO_LONG'),
  notModified: () =>
    badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    ),
  messageToEditNotFound: () => badRequest('message to edit not found'),
  messageToDeleteNotFound: () => badRequest('message to delete not found'),
  messageCantBeEdited: () => badRequest("message can't be edited"),
  messageIdMissing: () => badRequest('message identifier is not specified'),
  replyNotFound: () => badRequest('message to be replied not found'),
  inlineMessageInvalid: () => badRequest('MESSAGE_ID_INVALID'),
  queryTooOld: () => badRequest('query is too old and response timeout expired or query ID is invalid'),
  parseEntities: (reason: string) => badRequest(`can't parse entities: ${reason}`),
  unsupportedParseMode: (mode: string) =>
    badRequest(`unsupported parse_mode "${mode}" (the emulator parses only HTML)`),
  buttonDataInvalid: () => badRequest('BUTTON_DATA_INVALID'),
  buttonUrlInvalid: () => badRequest('BUTTON_URL_INVALID'),
  buttonParse: (reason: string) => badRequest(`can't parse inline keyboard button: ${reason}`),
  replyMarkupParse: () => badRequest("can't parse reply keyboard markup JSON object"),
  blocked: () => new ApiError(403, 'Forbidden: bot was blocked by the user'),
  conflictGetUpdates: () =>
    new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'),
  conflictWebhook: () =>
    new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
  flood: (retryAfter: number) =>
    new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  internal: () => new ApiError(500, 'Internal Server Error'),
} as const;
