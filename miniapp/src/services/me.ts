import type { MeView, PartyApplicationRequest, PartyApplicationView } from '@honglin/shared';
import { PRIVACY_POLICY_VERSION } from '@honglin/shared';
import { request, type RequestOptions } from './request';

export function getMe(options: Pick<RequestOptions, 'toast'> = {}): Promise<MeView> {
  return request<MeView>('/api/me', options);
}

export function acceptPrivacy(): Promise<MeView> {
  return request<MeView>('/api/me/privacy', { method: 'POST', data: { version: PRIVACY_POLICY_VERSION } });
}

/** `code` comes from <Button openType="getPhoneNumber">; the server trades it with WeChat. */
export function bindPhone(code: string): Promise<MeView> {
  return request<MeView>('/api/me/phone', { method: 'POST', data: { code } });
}

export function setElderMode(elderMode: boolean): Promise<MeView> {
  return request<MeView>('/api/me/preferences', { method: 'PATCH', data: { elderMode } });
}

export function applyForPartyMembership(body: PartyApplicationRequest): Promise<PartyApplicationView> {
  return request<PartyApplicationView>('/api/party-applications', { method: 'POST', data: body, toast: false });
}

/** Where the user lives: a grid or a building from the residence tree. */
export function setResidence(nodeId: string): Promise<MeView> {
  return request<MeView>('/api/me/residence', { method: 'PATCH', data: { nodeId }, toast: false });
}
