import type {
  CampaignDetail,
  CampaignEditInput,
  CampaignInput,
  CampaignSummary,
  CertificateView,
  EnrollmentView,
  HoursCorrectionRequest,
  HoursDecisionRequest,
  HoursEntryView,
  ImpactInput,
  MobilisationAnswerResult,
  MobilisationBoard,
  MobilisationInput,
  MobilisationTargets,
  MobilisationView,
  MyHoursView,
  MyShiftView,
  ShiftInput,
  ShiftRosterEntry,
  ShiftView,
  VolunteerProfileInput,
  VolunteerProfileView,
} from '@honglin/shared';
import { request } from './request';

const V = '/api/volunteering';

export const listCampaigns = (): Promise<CampaignSummary[]> => request(`${V}/campaigns`);
export const listManagedCampaigns = (): Promise<CampaignSummary[]> => request(`${V}/campaigns/manage`);
export const getCampaign = (id: string): Promise<CampaignDetail> => request(`${V}/campaigns/${id}`);
export const createCampaign = (body: CampaignInput): Promise<CampaignDetail> => request(`${V}/campaigns`, { method: 'POST', data: body, toast: false });
export const addShift = (campaignId: string, body: ShiftInput): Promise<ShiftView> => request(`${V}/campaigns/${campaignId}/shifts`, { method: 'POST', data: body, toast: false });
export const editCampaign = (id: string, body: CampaignEditInput): Promise<CampaignDetail> => request(`${V}/campaigns/${id}`, { method: 'PATCH', data: body, toast: false });
export const closeCampaign = (id: string): Promise<CampaignDetail> => request(`${V}/campaigns/${id}/close`, { method: 'POST', toast: false });
export const recordImpact = (id: string, body: ImpactInput): Promise<CampaignDetail> => request(`${V}/campaigns/${id}/impact`, { method: 'POST', data: body, toast: false });
export const cancelShift = (id: string, reason: string): Promise<ShiftView> => request(`${V}/shifts/${id}/cancel`, { method: 'POST', data: { reason }, toast: false });
export const hoursExportPath = (campaignId: string) => `${V}/campaigns/${campaignId}/hours.xlsx`;

export const openShifts = (matching: boolean): Promise<ShiftView[]> => request(`${V}/shifts`, { query: matching ? { matching: 'true' } : {} });
export const getShift = (id: string): Promise<ShiftView & { canManage: boolean }> => request(`${V}/shifts/${id}`);
export const signUpShift = (id: string): Promise<EnrollmentView> => request(`${V}/shifts/${id}/signup`, { method: 'POST', toast: false });
export const myShifts = (): Promise<MyShiftView[]> => request(`${V}/shifts/mine`);
export const shiftRoster = (id: string): Promise<{ shift: ShiftView; entries: ShiftRosterEntry[] }> => request(`${V}/shifts/${id}/roster`);

export const getProfile = (): Promise<VolunteerProfileView> => request(`${V}/profile`);
export const saveProfile = (body: VolunteerProfileInput): Promise<VolunteerProfileView> => request(`${V}/profile`, { method: 'PUT', data: body, toast: false });

export const myHours = (): Promise<MyHoursView> => request(`${V}/hours/mine`);
export const pendingHours = (): Promise<HoursEntryView[]> => request(`${V}/hours`, { query: { status: 'pending' } });
export const decideHours = (body: HoursDecisionRequest): Promise<HoursEntryView[]> => request(`${V}/hours/decide`, { method: 'POST', data: body, toast: false });
export const correctHours = (id: string, body: HoursCorrectionRequest): Promise<HoursEntryView> => request(`${V}/hours/${id}/correct`, { method: 'POST', data: body, toast: false });
export const issueCertificate = (): Promise<CertificateView> => request(`${V}/certificates`, { method: 'POST' });
export const verifyCertificate = (code: string): Promise<CertificateView> => request(`${V}/certificates/${encodeURIComponent(code)}`, { auth: false, toast: false });

export const launchCall = (body: MobilisationInput): Promise<MobilisationView> => request(`${V}/mobilisations`, { method: 'POST', data: body, toast: false });
export const callTargets = (): Promise<MobilisationTargets> => request(`${V}/mobilisations/targets`);
export const managedCalls = (): Promise<MobilisationView[]> => request(`${V}/mobilisations/manage`);
export const myCalls = (): Promise<MobilisationView[]> => request(`${V}/mobilisations/mine`);
export const getCall = (id: string): Promise<MobilisationView> => request(`${V}/mobilisations/${id}`);
export const answerCall = (id: string, answer: 'accept' | 'decline'): Promise<MobilisationAnswerResult> => request(`${V}/mobilisations/${id}/answer`, { method: 'POST', data: { answer }, toast: false });
export const joinCallWaitlist = (id: string): Promise<EnrollmentView> => request(`${V}/mobilisations/${id}/waitlist`, { method: 'POST', toast: false });
export const callBoard = (id: string): Promise<MobilisationBoard> => request(`${V}/mobilisations/${id}/board`, { toast: false });
