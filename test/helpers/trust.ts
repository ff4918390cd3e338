import type { World } from './world';

/** Trusts the current session whose device starts with `device`, as the owner does: /trust, Add, pick it, then "Trust it". */
export async function trustDevice(w: World, device: string): Promise<void> {
  await w.ask('/trust');
  let p = w.press('tl', w.last().message_id);
  await w.next(p.mark);
  const pick = w.last();
  p = w.press(w.buttons(pick).find((b) => b.text.startsWith(device))!.data, pick.message_id);
  const question = await w.next(p.mark, 'sendMessage', (c) => String(c.params.text).startsWith(`Trust ${device}`));
  p = w.press(w.buttons(w.last()).find((b) => b.data.startsWith('tf:'))!.data, Number((question.result as { message_id: number }).message_id));
  await w.next(p.mark, 'sendMessage', (c) => /^Trusted:/.test(String(c.params.text)));
}
