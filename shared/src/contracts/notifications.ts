import { z } from 'zod';

/**
 * One-time subscription message templates the mini-program asks for at sign-up. The ids are the
 * demo app's placeholders: a production app must replace them with the ids of its own templates.
 */
export const SUBSCRIPTION_TEMPLATES = {
  activity_signup: { id: 'demo-tmpl-activity-signup', title: '报名结果通知' },
  activity_reminder: { id: 'demo-tmpl-activity-reminder', title: '活动开始提醒' },
  waitlist_offer: { id: 'demo-tmpl-waitlist-offer', title: '候补成功通知' },
  meeting_notice: { id: 'demo-tmpl-meeting-notice', title: '会议通知' }, // issue #4: invitations and changes
} as const;
export type TemplateKey = keyof typeof SUBSCRIPTION_TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(SUBSCRIPTION_TEMPLATES) as TemplateKey[];

/** What `wx.requestSubscribeMessage` answered, per template key; only `accept` adds a grant. */
export const SubscriptionGrantRequest = z
  .object({
    results: z
      .array(z.object({ templateKey: z.enum(TEMPLATE_KEYS as [TemplateKey, ...TemplateKey[]]), result: z.enum(['accept', 'reject', 'ban', 'filter']) }).strict())
      .min(1)
      .max(3),
  })
  .strict();
export type SubscriptionGrantRequest = z.infer<typeof SubscriptionGrantRequest>;

export const InboxQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(64).optional(),
  })
  .strict();
export type InboxQuery = z.infer<typeof InboxQuery>;

export const MarkReadRequest = z.object({ ids: z.array(z.string().regex(/^[0-9a-z]{26}$/)).max(100).optional() }).strict();
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

export interface InboxItemView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface GrantsView {
  grants: { templateKey: TemplateKey; templateId: string; remaining: number }[];
}
