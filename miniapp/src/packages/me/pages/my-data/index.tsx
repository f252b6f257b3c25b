import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  ACCOUNT_DELETE_WORD,
  ACCOUNT_DELETION_KEEPS,
  CONSENT_KIND_LABELS,
  FAMILY_CONSENT_LABELS,
  formatChinaDateTime,
  type ConsentRecordView,
} from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ConfirmButton } from '../../../../components/ConfirmButton';
import { Field } from '../../../../components/Field';
import { Loadable } from '../../../../components/Loadable';
import { useNotice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { deleteAccount, downloadMyData, listConsents } from '../../../../services/privacy';
import { formErrorText } from '../../../../services/request';
import { session } from '../../../../stores/session';
import './index.scss';

export default function MyDataPage() {
  return <PageShell>{() => <MyData />}</PageShell>;
}

/** 我的数据与隐私: what was agreed and when, a copy of one's data, and closing the account for good. */
function MyData() {
  const consents = useRemote(listConsents);
  return (
    <View>
      <Card title="同意与授权记录" testId="consents">
        <Loadable remote={consents}>{(list) => (list.length ? list.map((c) => <ConsentLine key={c.id} c={c} />) : <Text className="muted">还没有记录。</Text>)}</Loadable>
      </Card>
      <DownloadCard />
      <DeleteCard />
    </View>
  );
}

function ConsentLine({ c }: { c: ConsentRecordView }) {
  const link = c.familyLink;
  const detail = link
    ? `与 ${link.otherName} 的亲情账号（${link.myRole === 'elder' ? 'TA帮您办事' : '您帮TA办事'}${link.consent ? `，${FAMILY_CONSENT_LABELS[link.consent]}` : ''}）`
    : `隐私保护指引 ${c.version} 版`;
  return (
    <View className="consent-line" data-testid={`consent-${c.kind}`}>
      <Text className="consent-line__what">{CONSENT_KIND_LABELS[c.kind]}</Text>
      <Text className="muted">{formatChinaDateTime(c.at)}（北京时间） · {detail}</Text>
    </View>
  );
}

function DownloadCard() {
  const [busy, setBusy] = useState(false);
  const [notice, say] = useNotice();
  const download = async () => {
    setBusy(true);
    if (await downloadMyData()) say('已生成我的数据文件');
    setBusy(false);
  };
  return (
    <Card title="下载我的数据">
      <Text className="data-text">一个 JSON 文件，包含红邻为您保存的全部信息：个人资料、同意记录、亲情账号和代办记录、报名和签到、积分、学习、党费、志愿服务和消息。其他人只显示部分姓名。</Text>
      <BigButton variant="secondary" loading={busy} onClick={() => void download()} testId="download-my-data">
        下载我的数据
      </BigButton>
      {notice}
    </Card>
  );
}

function DeleteCard() {
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typed = word.trim() === ACCOUNT_DELETE_WORD;
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteAccount(word.trim());
      session.clear();
      void Taro.showToast({ title: '账号已注销', icon: 'none' });
    } catch (e) {
      setError(formErrorText(e));
      setBusy(false);
    }
  };
  return (
    <Card title="注销账号" testId="delete-account">
      <Text className="data-text">注销后，您的姓名、手机号、出生年份、居住地、党支部、身份和各项设置会被删除，亲情账号绑定全部解除，还没开始的活动和志愿岗位的报名会取消（名额让给候补的人），未读消息一并删除。此后无法登录这个账号，也无法恢复。</Text>
      <Text className="data-text">为了支部和社区的记录完整，以下内容会保留，但只显示为“已注销用户”：</Text>
      {ACCOUNT_DELETION_KEEPS.map((k) => (
        <Text key={k} className="data-list">
          · {k}
        </Text>
      ))}
      <Text className="data-text">建议先下载一份我的数据。用同一个微信再次登录，会作为新用户重新开始。</Text>
      <Field label={`请输入“${ACCOUNT_DELETE_WORD}”两个字确认`} value={word} onInput={setWord} testId="delete-word" />
      {error ? (
        <Text className="form-error" data-testid="delete-error">
          {error}
        </Text>
      ) : null}
      <ConfirmButton
        question="注销后账号无法恢复，个人信息会被删除。确定注销吗？"
        yes="注销"
        no="不注销"
        disabled={!typed}
        loading={busy}
        onConfirm={() => void remove()}
        testId="delete-confirm"
      >
        注销账号
      </ConfirmButton>
    </Card>
  );
}
