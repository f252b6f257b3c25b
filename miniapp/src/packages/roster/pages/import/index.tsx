import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { ROSTER_FIELD_LABELS, ROSTER_FIELDS, ROSTER_OUTCOME_LABELS, type RosterField, type RosterImportView, type RosterRowView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { usePageShow } from '../../../../hooks/usePageShow';
import { ROUTES } from '../../../../routes';
import { formErrorText } from '../../../../services/request';
import { commitImport, getImport, importRows, previewImport, rollbackImport, uploadRoster } from '../../../../services/roster';
import '../../roster.scss';

export default function ImportPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  return <PageShell title="导入名单">{() => (params.id ? <Import id={params.id} /> : <Upload sourceId={params.sourceId ?? ''} />)}</PageShell>;
}

/** Step 1: the file. On h5 a file input; the mini-program sends people to a computer (Excel files live there). */
function Upload({ sourceId }: { sourceId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const imp = await uploadRoster(sourceId, file);
      // The import's id in the URL: a reload (or coming back later) shows the same import.
      void Taro.redirectTo({ url: `${ROUTES.rosterImport}?id=${imp.id}` });
    } catch (e) {
      setError(formErrorText(e));
      setBusy(false);
    }
  };
  if (process.env.TARO_ENV !== 'h5') return <EmptyState title="请在电脑浏览器中上传名单" description="Excel 文件通常在电脑上；导入结果和待处理事项可以在小程序里查看。" />;
  return (
    <Card title="选择名单文件">
      <Text className="grid-line">支持 .xlsx 和 .csv（GBK或UTF-8编码均可），不超过20MB、100000行。</Text>
      <input className="roster-file" type="file" accept=".xlsx,.csv,.txt" aria-label="名单文件" data-testid="roster-file" disabled={busy} onChange={(e) => void pick((e.target as HTMLInputElement).files?.[0])} />
      {busy ? <Text className="grid-line">正在上传…</Text> : null}
      {error ? <Text className="grid-line grid-overdue" data-testid="roster-upload-error">{error}</Text> : null}
    </Card>
  );
}

function Import({ id }: { id: string }) {
  const [imp, setImp] = useState<RosterImportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => getImport(id).then(setImp, (e: Error) => setError(e.message));
  usePageShow(() => void load());
  // While the commit job runs, the bar follows it; a reload picks it up from the server.
  useEffect(() => {
    if (imp?.status !== 'committing') return;
    const timer = setTimeout(() => void load(), 700);
    return () => clearTimeout(timer);
  }, [imp]);
  if (error) return <EmptyState title="无法打开这次导入" description={error} />;
  if (!imp) return <EmptyState title="正在加载…" />;
  const act = (work: Promise<RosterImportView>) => {
    setBusy(true);
    setActionError(null);
    return work.then(setImp, (e) => setActionError(formErrorText(e))).finally(() => setBusy(false));
  };
  return (
    <View>
      <Card title={`${imp.source.name} · ${imp.fileName}`} testId="roster-import">
        <Text className="grid-line" data-testid="roster-status">{STATUS[imp.status]}</Text>
        {imp.fileFindings.map((f) => <Text key={f.code} className="grid-line">{f.message}</Text>)}
        {imp.error ? <Text className="grid-line grid-overdue">{imp.error}</Text> : null}
        {actionError ? <Text className="grid-line grid-overdue" data-testid="roster-action-error">{actionError}</Text> : null}
      </Card>
      {imp.status === 'uploaded' || imp.status === 'previewed' || imp.status === 'failed' ? <PreviewStep imp={imp} busy={busy} onPreview={(body) => act(previewImport(imp.id, body))} /> : null}
      {imp.status === 'previewed' ? <BigButton onClick={() => act(commitImport(imp.id))} loading={busy} testId="roster-commit">确认导入</BigButton> : null}
      {imp.status === 'committing' ? <Progress done={imp.rowsDone} total={imp.rowsTotal} /> : null}
      {imp.status === 'committed' ? (
        <Card title="导入完成" testId="roster-done">
          <Counts imp={imp} />
          <BigButton variant="danger" onClick={() => act(rollbackImport(imp.id))} loading={busy} testId="roster-rollback">整体撤销这次导入</BigButton>
        </Card>
      ) : null}
    </View>
  );
}

const STATUS: Record<RosterImportView['status'], string> = { uploaded: '已上传，请选择工作表并预览', previewed: '预览完成，请核对后确认导入', committing: '正在导入…', committed: '已导入', failed: '导入失败，没有写入任何数据', rolled_back: '已整体撤销' };

function Progress({ done, total }: { done: number; total: number }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <Card title={`正在导入 ${done}/${total} 行`} testId="roster-progress">
      <View className="roster-progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
        <View className="roster-progress-bar" style={{ width: `${pct}%` }} />
      </View>
    </Card>
  );
}

function Counts({ imp }: { imp: RosterImportView }) {
  return (
    <Text className="grid-line" data-testid="roster-counts">
      共{imp.rowsTotal}行：新建{imp.counts.create}人，合并{imp.counts.merge}人，待人工判断{imp.counts.queue}条，有问题{imp.counts.flag}行，无变化{imp.counts.unchanged}行
    </Text>
  );
}

/** Sheet, the column mapping (the guess, changeable), counts and the row findings. */
function PreviewStep({ imp, busy, onPreview }: { imp: RosterImportView; busy: boolean; onPreview: (b: { sheet?: string; mapping?: Record<string, RosterField> }) => Promise<unknown> }) {
  const [sheet, setSheet] = useState(imp.sheet ?? imp.sheets[0]);
  const [mapping, setMapping] = useState<Record<string, RosterField>>(imp.mapping);
  const [rows, setRows] = useState<RosterRowView[]>([]);
  const [filter, setFilter] = useState<string | undefined>(undefined);
  useEffect(() => setMapping(imp.mapping), [imp]);
  useEffect(() => {
    if (imp.status === 'previewed') void importRows(imp.id, filter).then(setRows, () => setRows([]));
  }, [imp, filter]);
  const labels = ROSTER_FIELDS.map((f) => ROSTER_FIELD_LABELS[f]);
  return (
    <View>
      {imp.sheets.length > 1 ? (
        <Card title="选择工作表">
          <View className="grid-choice">
            {imp.sheets.map((s) => <BigButton key={s} variant={s === sheet ? 'primary' : 'secondary'} onClick={() => setSheet(s)} testId="roster-sheet">{s}</BigButton>)}
          </View>
        </Card>
      ) : null}
      {imp.headers.length ? (
        <Card title="列的含义（已按表头猜测，可点击修改）">
          {imp.headers.map((h) => (
            <Picker key={h} mode="selector" range={labels} value={ROSTER_FIELDS.indexOf(mapping[h] ?? 'ignore')} onChange={(e) => setMapping({ ...mapping, [h]: ROSTER_FIELDS[Number(e.detail.value)] })}>
              <Text className="roster-row" data-testid="roster-mapping">{h} → {ROSTER_FIELD_LABELS[mapping[h] ?? 'ignore']}</Text>
            </Picker>
          ))}
        </Card>
      ) : null}
      <BigButton variant={imp.status === 'previewed' ? 'secondary' : 'primary'} onClick={() => void onPreview({ sheet, mapping: imp.headers.length ? mapping : undefined })} loading={busy} testId="roster-preview">
        {imp.status === 'previewed' ? '按修改后的设置重新预览' : '预览（不写入）'}
      </BigButton>
      {imp.status === 'previewed' ? (
        <Card title="预览结果" testId="roster-preview-result">
          <Counts imp={imp} />
          <View className="grid-choice">
            {([undefined, 'create', 'merge', 'queue', 'flag'] as const).map((o) => (
              <BigButton key={o ?? 'all'} variant={o === filter ? 'primary' : 'secondary'} onClick={() => setFilter(o)} testId={`roster-filter-${o ?? 'all'}`}>{o ? ROSTER_OUTCOME_LABELS[o] : '全部'}</BigButton>
            ))}
          </View>
          {rows.map((r) => (
            <Text key={r.rowNo} className="roster-row" data-testid="roster-row">
              第{r.rowNo}行 {r.name} {r.idNumber ?? ''} {r.phone ?? ''} {r.address ?? ''} · {ROSTER_OUTCOME_LABELS[r.outcome]}
              {r.findings.length ? `：${r.findings.map((f) => f.message).join('；')}` : ''}
            </Text>
          ))}
        </Card>
      ) : null}
    </View>
  );
}
