/**
 * wx.onNeedPrivacyAuthorization hands us a resolver that must be answered exactly once
 * (agree or disagree) or the paused WeChat API call hangs. The privacy page answers it.
 */
type PrivacyResolver = (result: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

let pending: PrivacyResolver | null = null;

export function rememberPrivacyResolver(resolver: PrivacyResolver): void {
  pending?.({ event: 'disagree' });
  pending = resolver;
}

export function answerPrivacyRequest(event: 'agree' | 'disagree', buttonId?: string): void {
  pending?.({ event, buttonId });
  pending = null;
}

/** Tells WeChat the agreement is on screen (it audits that the user saw it before agreeing). */
export function reportPrivacyExposure(): void {
  pending?.({ event: 'exposureAuthorization' });
}
