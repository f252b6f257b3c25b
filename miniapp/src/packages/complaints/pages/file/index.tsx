import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import {
  COMPLAINT_ANSWER_DAYS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_TEXT_MAX,
  COMPLAINT_TEXT_MIN,
  formatChinaDate,
  type ComplaintCategory,
  type ComplaintView,
} from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Field } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { fileComplaint } from '../../../../services/complaints';
import { ApiError } from '../../../../services/request';
import '../../complaints.scss';

export default function FileComplaintPage() {
  return <PageShell>{() => <FileComplaint />}</PageShell>;
}

type Errors = Partial<Record<'category' | 'text' | 'subject' | 'general', string>>;

/** 举报投诉: what happened with one's personal data, sent to the admins of one's community, answered by a date. */
function FileComplaint() {
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [filed, setFiled] = useState<ComplaintView | null>(null);
  const go = (url: string) => () => void Taro.navigateTo({ url });

  if (filed) {
    return (
      <View data-testid="complaint-filed">
        <EmptyState title="投诉已提交" description="管理员答复后会通知您，您也可以随时在“我的投诉”里查看进度。" />
        <Text className="complaint-deadline" data-testid="complaint-filed-due">{`${formatChinaDate(filed.dueAt)} 前答复`}</Text>
        <BigButton onClick={() => void Taro.redirectTo({ url: `${ROUTES.complaintDetail}?id=${filed.id}` })} testId="complaint-filed-view">
          查看这件投诉
        </BigButton>
      </View>
    );
  }

  const submit = async () => {
    if (!category) return setErrors({ category: '请选择投诉类别' });
    if (text.trim().length < COMPLAINT_TEXT_MIN) return setErrors({ text: `请至少写${COMPLAINT_TEXT_MIN}个字，说清楚发生了什么` });
    setSaving(true);
    setErrors({});
    try {
      setFiled(await fileComplaint({ category, text: text.trim(), subject: subject.trim() || undefined, anonymous }));
    } catch (failure) {
      const e = failure as ApiError;
      const field = { category: e.fieldMessage?.('category'), text: e.fieldMessage?.('text'), subject: e.fieldMessage?.('subject') };
      setErrors({ ...field, general: field.category || field.text || field.subject ? undefined : e.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <Text className="complaint-text">
        {`发现您的个人信息被泄露、未经同意被使用，或有人越权代办、借此骚扰您，可以在这里投诉。投诉交给负责您社区的管理员处理，${COMPLAINT_ANSWER_DAYS}天内答复。`}
      </Text>
      <BigButton variant="secondary" onClick={go(ROUTES.complaintsMine)} testId="complaints-mine-entry">查看我的投诉</BigButton>
      <Card title="投诉类别">
        {COMPLAINT_CATEGORIES.map((key) => (
          <View key={key} className={`option-row${key === category ? ' option-row--selected' : ''}`} onClick={() => setCategory(key)} data-testid={`complaint-category-${key}`}>
            <Text>{COMPLAINT_CATEGORY_LABELS[key]}</Text>
            <Text className="option-row__mark">{key === category ? '已选 ✓' : ''}</Text>
          </View>
        ))}
        {errors.category ? <Text className="form-error">{errors.category}</Text> : null}
      </Card>
      <Card title="发生了什么">
        <Textarea
          className="complaint-textarea"
          value={text}
          maxlength={COMPLAINT_TEXT_MAX}
          placeholder="请写明时间、地点、经过，以及哪些信息被泄露或使用"
          onInput={(event) => setText(event.detail.value)}
          data-testid="complaint-text"
        />
        <Text className="muted">{`${text.length}/${COMPLAINT_TEXT_MAX}`}</Text>
        {errors.text ? <Text className="form-error" data-testid="complaint-text-error">{errors.text}</Text> : null}
      </Card>
      <Card title="被投诉对象（可不填）">
        <Field label="是谁或哪件事" value={subject} onInput={setSubject} testId="complaint-subject" />
        {errors.subject ? <Text className="form-error">{errors.subject}</Text> : null}
        <View className={`option-row${anonymous ? ' option-row--selected' : ''}`} onClick={() => setAnonymous(!anonymous)} data-testid="complaint-anonymous">
          <Text>不向被投诉人透露我的身份</Text>
          <Text className="option-row__mark">{anonymous ? '已选 ✓' : '点此选择'}</Text>
        </View>
      </Card>
      {errors.general ? <Text className="form-error" data-testid="complaint-error">{errors.general}</Text> : null}
      <BigButton onClick={() => void submit()} loading={saving} testId="complaint-submit">提交投诉</BigButton>
    </View>
  );
}
