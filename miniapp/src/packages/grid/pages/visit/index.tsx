import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { VISIT_METHOD_LABELS, VISIT_METHODS, VISIT_SITUATION_LABELS, VISIT_SITUATIONS, type HouseholdFileView, type VisitLocation, type VisitMethod, type VisitSituation } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { PageShell } from '../../../../components/PageShell';
import { leavePage } from '../../../../routes';
import { householdFile, recordVisit } from '../../../../services/grid';
import { cachedFile } from '../../lib/file-cache';
import { VisitExtras } from './VisitExtras';
import { formErrorText } from '../../../../services/request';
import '../../grid.scss';

export default function VisitPage() {
  return <PageShell title="登记走访">{() => <VisitForm householdId={Taro.getCurrentInstance().router?.params.id ?? ''} />}</PageShell>;
}

/**
 * Usable one-handed at the door: every choice is a big button, nothing needs typing except the
 * optional notes and needs (one need per line; each becomes a task on the household).
 */
function VisitForm({ householdId }: { householdId: string }) {
  const [method, setMethod] = useState<VisitMethod>('home');
  const [situation, setSituation] = useState<VisitSituation | null>(null);
  const [notes, setNotes] = useState('');
  const [needs, setNeeds] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<HouseholdFileView | null>(cachedFile(householdId));
  const [seen, setSeen] = useState<string[]>([]);
  const [photo, setPhoto] = useState<string | null>(null);
  const [location, setLocation] = useState<VisitLocation | null>(null);
  useEffect(() => {
    if (!file && householdId) householdFile(householdId).then(setFile, () => undefined);
  }, [householdId]);
  const members = (file?.members ?? []).filter((m) => !m.endedOn);
  // A location needs the consent of everyone seen: dropped as soon as someone without it is ticked.
  const canLocate = seen.length > 0 && seen.every((id) => file?.locationConsent.includes(id));
  const toggleSeen = (id: string) => {
    const next = seen.includes(id) ? seen.filter((x) => x !== id) : [...seen, id];
    setSeen(next);
    if (!next.length || !next.every((x) => file?.locationConsent.includes(x))) setLocation(null);
  };
  const submit = async () => {
    if (!situation) return setError('请选择走访情况');
    setSaving(true);
    setError(null);
    try {
      const list = needs.split('\n').map((s) => s.trim()).filter(Boolean);
      await recordVisit(householdId, { method, situation, seenUserIds: seen, notes: notes.trim() || undefined, needs: list, photo: photo ?? undefined, location: canLocate && location ? location : undefined });
      void Taro.showToast({ title: '走访已登记', icon: 'success' });
      leavePage();
    } catch (e) {
      setError(formErrorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <View>
      <Card title="走访方式">
        <View className="grid-choice">
          {VISIT_METHODS.map((m) => (
            <BigButton key={m} variant={m === method ? 'primary' : 'secondary'} onClick={() => setMethod(m)} testId={`visit-method-${m}`}>
              {VISIT_METHOD_LABELS[m]}
            </BigButton>
          ))}
        </View>
      </Card>
      {members.length ? (
        <Card title="见到的人">
          <View className="grid-choice">
            {members.map((m) => (
              <BigButton key={m.userId} variant={seen.includes(m.userId) ? 'primary' : 'secondary'} onClick={() => toggleSeen(m.userId)} testId="visit-seen">
                {m.name}{seen.includes(m.userId) ? ' ✓' : ''}
              </BigButton>
            ))}
          </View>
        </Card>
      ) : null}
      <Card title="走访情况">
        <View className="grid-choice">
          {VISIT_SITUATIONS.map((s) => (
            <BigButton key={s} variant={s === situation ? 'primary' : 'secondary'} onClick={() => setSituation(s)} testId={`visit-situation-${s}`}>
              {VISIT_SITUATION_LABELS[s]}
            </BigButton>
          ))}
        </View>
      </Card>
      <Card title="情况说明（可不填）">
        <Textarea className="grid-textarea" value={notes} maxlength={1000} onInput={(e) => setNotes(e.detail.value)} aria-label="情况说明" placeholder="例如：老人精神不错，家中整洁" nativeProps={{ 'aria-label': '情况说明' }} data-testid="visit-notes" />
      </Card>
      <Card title="居民需求（每行一项，可不填）">
        <Textarea className="grid-textarea" value={needs} maxlength={1000} onInput={(e) => setNeeds(e.detail.value)} aria-label="居民需求" placeholder="例如：想申请助餐服务" nativeProps={{ 'aria-label': '居民需求' }} data-testid="visit-needs" />
      </Card>
      <VisitExtras photo={photo} setPhoto={setPhoto} canLocate={canLocate} location={location} setLocation={setLocation} onError={setError} />
      {error ? <Text className="grid-line grid-overdue" data-testid="visit-error">{error}</Text> : null}
      <BigButton onClick={submit} loading={saving} testId="visit-submit">保存走访记录</BigButton>
    </View>
  );
}
