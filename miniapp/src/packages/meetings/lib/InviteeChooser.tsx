import { Text, View } from '@tarojs/components';

export type InviteKind = 'branch' | 'committee' | 'group' | 'members';
export const INVITE_LABELS: Record<InviteKind, string> = { branch: '全体党员', committee: '支部委员', group: '本党小组', members: '指定人员' };

export interface Invitable {
  id: string;
  name: string;
  /** Why this person cannot be taken off the list (editing): 已签到 or 已批准请假. */
  locked?: string;
}

interface Props {
  kind: InviteKind;
  chosen: string[];
  people: Invitable[];
  onKind: (kind: InviteKind) => void;
  onChosen: (ids: string[]) => void;
}

/** Who is invited, the same choice when scheduling and when editing: a whole branch, its committee, one group or chosen people. */
export function InviteeChooser({ kind, chosen, people, onKind, onChosen }: Props) {
  const toggle = (p: Invitable) => {
    if (p.locked) return;
    onChosen(chosen.includes(p.id) ? chosen.filter((x) => x !== p.id) : [...chosen, p.id]);
  };
  return (
    <View>
      <View className="meeting-tabs">
        {(Object.keys(INVITE_LABELS) as InviteKind[]).map((k) => (
          <Text key={k} className={`meeting-tab${kind === k ? ' meeting-tab--active' : ''}`} onClick={() => onKind(k)} data-testid={`invite-${k}`}>
            {INVITE_LABELS[k]}
          </Text>
        ))}
      </View>
      {kind === 'members' ? <Text className="meeting-card__line muted">{`已选 ${chosen.length} 人`}</Text> : null}
      {kind === 'members'
        ? people.map((p) => (
            <View key={p.id} className="meeting-row" onClick={() => toggle(p)} data-testid={`invitee-${p.id}`}>
              <Text>{p.name}</Text>
              <Text className={p.locked ? 'muted' : undefined}>{p.locked ? `✓ ${p.locked}` : chosen.includes(p.id) ? '✓ 已选' : '选择'}</Text>
            </View>
          ))
        : null}
    </View>
  );
}
