import { render, screen } from '@testing-library/react';
import { describe, expect, it, jest } from '@jest/globals';
import type { ReconcileRunView } from '@honglin/shared';
import { Reconciliations } from './Reconciliations';

const runs: ReconcileRunView[] = [
  { date: '2026-12-02', ranAt: '2026-12-03T02:10:00.000Z', billRows: 5, localPaid: 5, mismatches: [{ kind: 'amount_mismatch', outTradeNo: 'AbCdEfGh12345678', localFen: 8101, billFen: 8100 }] },
  { date: '2026-12-01', ranAt: '2026-12-02T02:10:00.000Z', billRows: 3, localPaid: 3, mismatches: [] },
];
jest.mock('../../../../services/dues', () => ({ getReconciliations: () => Promise.resolve(runs) }));

describe('the board\'s reconciliation list', () => {
  it('shows each day\'s counts and spells out this branch\'s differences in yuan', async () => {
    render(<Reconciliations branchId="b1" />);
    const bad = await screen.findByTestId('recon-2026-12-02');
    expect(bad.textContent).toContain('1 处差异');
    expect(bad.textContent).toContain('金额不一致 · 订单 AbCdEfGh… · 本系统 81.01 元 / 微信 81.00 元');
    expect(screen.getByTestId('recon-2026-12-01').textContent).toContain('本支部无差异');
  });
});
